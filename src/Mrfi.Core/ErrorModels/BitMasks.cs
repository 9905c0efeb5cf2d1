using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Random and fixed bit masks (int64) for words of a given width, drawn from the CPU generator and moved to the values'
/// device.</summary>
internal static class BitMasks
{
    /// <summary>One uniformly random bit per value: <c>1 &lt;&lt; U{0..width-1}</c>.</summary>
    public static Tensor RandomBit(long[] shape, int width, Generator g, Device device)
    {
        using var bits = torch.randint(0, width, shape, dtype: ScalarType.Int64, generator: g);
        return Shift(bits, device);
    }

    /// <summary><see cref="RandomBit"/> for values in a span: the same draw, shifted in managed code.</summary>
    public static void RandomBitInto(Span<long> mask, int width, Generator g)
    {
        using var bits = torch.randint(0, width, [mask.Length], dtype: ScalarType.Int64, generator: g);
        SpanErrorModels.CopyMask(bits, mask);
        for (int i = 0; i < mask.Length; i++) mask[i] = 1L << (int)mask[i];
    }

    /// <summary>1 &lt;&lt; bit for given bits (one, or one per value).</summary>
    public static Tensor Fixed(long[] bits, long[] shape, Device device)
    {
        using var b = bits.Length == 1
            ? torch.full(shape, bits[0], dtype: ScalarType.Int64)
            : torch.tensor(bits, dtype: ScalarType.Int64).reshape(shape);
        return Shift(b, device);
    }

    /// <summary>k distinct uniformly random bits per value (a multi-bit upset).</summary>
    public static Tensor RandomDistinct(long[] shape, int width, int k, Generator g, Device device)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        using var keys = torch.rand([n, width], dtype: ScalarType.Float64, generator: g);
        using var order = keys.argsort(1);
        var mask = torch.zeros(n, dtype: ScalarType.Int64);
        for (int j = 0; j < k; j++)
        {
            using var column = order.select(1, j);
            using var one = torch.ones_like(column);
            using var bit = one.bitwise_left_shift(column);
            mask.bitwise_or_(bit);
        }
        using (mask) return mask.reshape(shape).to(device);
    }

    /// <summary>k adjacent bits per value starting at a uniform position (a burst).</summary>
    public static Tensor Burst(long[] shape, int width, int k, Generator g, Device device)
    {
        using var start = torch.randint(0, width - k + 1, shape, dtype: ScalarType.Int64, generator: g);
        long run = k == 64 ? -1L : (1L << k) - 1;
        using var runs = torch.full(shape, run, dtype: ScalarType.Int64);
        using var mask = runs.bitwise_left_shift(start);
        return mask.to(device);
    }

    /// <summary>Checks k against the word width.</summary>
    public static void CheckCount(int k, int width)
    {
        if (k < 1 || k > width) throw new ArgumentOutOfRangeException("bits", k, $"bits must be between 1 and the word width ({width})");
    }

    private static Tensor Shift(Tensor bits, Device device)
    {
        using var one = torch.ones_like(bits);
        using var mask = one.bitwise_left_shift(bits);
        return mask.to(device);
    }
}
