using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Kernels;

/// <summary>xoshiro256** seeded by one draw from a torch generator: sparse draws (fault counts, positions) in managed code,
/// without a TorchSharp call (~4 µs each) per number, while the torch generator still decides everything.</summary>
/// <remarks>One int64 taken from the generator seeds the stream through SplitMix64, so the same generator state gives the
/// same numbers and the generator moves on exactly one draw, however many numbers the stream then gives.</remarks>
internal struct ManagedRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A stream seeded from <paramref name="seed"/>.</summary>
    public ManagedRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A stream seeded by one int64 drawn from <paramref name="generator"/>.</summary>
    public static ManagedRandom From(Generator generator)
    {
        using var seed = torch.randint(0, long.MaxValue, [1], dtype: ScalarType.Int64, generator: generator);
        return new ManagedRandom((ulong)seed.item<long>());
    }

    /// <summary>64 uniformly random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitRotate(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1], whose logarithm is finite.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="n"/>) without modulo bias (Lemire's multiply-and-reject).</summary>
    public ulong NextBelow(ulong n)
    {
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0 - n) % n;
            while (low < threshold) high = Math.BigMul(NextUInt64(), n, out low);
        }
        return high;
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
