using System.Buffers;
using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Kernels;

/// <summary>The distinct flat positions of one draw, ascending — what <c>torch.unique</c> made of a selector's output — or every
/// position of the tensor; the buffer is rented from the shared pool and returned on dispose.</summary>
/// <remarks>A position drawn twice gets one fault (which of two writes wins is not reproducible across threads). Negative
/// positions count from the end, as tensor indexing does; anything outside the tensor is an error naming it.</remarks>
internal sealed class PositionSet : IDisposable
{
    private long[]? _buffer;
    private int _count;

    private PositionSet(long numel, bool all, long[]? buffer, int count)
    {
        Numel = numel;
        All = all;
        _buffer = buffer;
        _count = count;
    }

    /// <summary>Elements of the tensor the positions index.</summary>
    public long Numel { get; }

    /// <summary>Whether every position is selected (no selector).</summary>
    public bool All { get; }

    /// <summary>Number of positions.</summary>
    public long Count => All ? Numel : _count;

    /// <summary>The positions, ascending (not for <see cref="All"/>).</summary>
    public ReadOnlySpan<long> Span => All ? throw new InvalidOperationException("every position is selected") : _buffer.AsSpan(0, _count);

    /// <summary>The positions, ascending; for <see cref="All"/> the indices 0 … numel-1 (written once, on first use).</summary>
    public ReadOnlySpan<long> Indices()
    {
        if (!All || _buffer is not null) return _buffer.AsSpan(0, _count);
        if (Numel > Array.MaxLength) throw new ArgumentException($"{Numel} positions are more than one draw can hold");
        _count = (int)Numel;
        _buffer = ArrayPool<long>.Shared.Rent(Math.Max(_count, 1));
        for (int i = 0; i < _count; i++) _buffer[i] = i;
        return _buffer.AsSpan(0, _count);
    }

    /// <summary>Every position of a tensor of <paramref name="numel"/> elements.</summary>
    public static PositionSet Every(long numel) => new(numel, true, null, 0);

    /// <summary>No position.</summary>
    public static PositionSet None(long numel) => new(numel, false, null, 0);

    /// <summary>Takes <paramref name="rented"/> (from <see cref="ArrayPool{T}.Shared"/>; its first <paramref name="count"/>
    /// entries are drawn positions in any order, duplicates allowed) and keeps its distinct positions, ascending.</summary>
    public static PositionSet Distinct(long[] rented, int count, long numel)
    {
        var drawn = rented.AsSpan(0, count);
        for (int i = 0; i < drawn.Length; i++)
        {
            long p = drawn[i];
            if (p < 0 && p >= -numel) drawn[i] = p += numel;
            if (p < 0 || p >= numel)
            {
                ArrayPool<long>.Shared.Return(rented);
                throw new ArgumentOutOfRangeException("position",
                    $"the selector chose position {drawn[i]}, outside the tensor's {numel} elements");
            }
        }
        int distinct = UseBitmap(count, numel) ? ThroughBitmap(drawn, numel) : ThroughSort(drawn);
        return new PositionSet(numel, false, rented, distinct);
    }

    /// <summary>The distinct positions of a selector's 1-D integer tensor.</summary>
    public static PositionSet FromTensor(Tensor drawn, long numel)
    {
        long n = drawn.numel();
        if (n == 0) return None(numel);
        if (n > Array.MaxLength) throw new ArgumentException($"the selector chose {n} positions, more than one draw can hold");
        using var converted = drawn.device_type == DeviceType.CPU && drawn.dtype == ScalarType.Int64 ? null
            : drawn.to(ScalarType.Int64, CPU);
        using var longs = (converted ?? drawn).contiguous();
        var rented = ArrayPool<long>.Shared.Rent((int)n);
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(longs.bytes).CopyTo(rented);
        return Distinct(rented, (int)n, numel);
    }

    /// <summary>A copy of <paramref name="ascending"/> (distinct, ascending), checked against the tensor's size.</summary>
    public static PositionSet Copy(ReadOnlySpan<long> ascending, long numel)
    {
        Check(ascending, numel);
        var rented = ArrayPool<long>.Shared.Rent(Math.Max(ascending.Length, 1));
        ascending.CopyTo(rented);
        return new PositionSet(numel, false, rented, ascending.Length);
    }

    /// <summary>Positions <paramref name="withinSample"/> (ascending, within one sample) repeated in each of <paramref name="samples"/>
    /// samples of <paramref name="perSample"/> elements: a permanent fault in every image of the batch.</summary>
    public static PositionSet Repeat(ReadOnlySpan<long> withinSample, long samples, long perSample)
    {
        Check(withinSample, perSample);
        long total = withinSample.Length * samples;
        if (total > Array.MaxLength) throw new ArgumentException($"{total} permanent positions are more than one draw can hold");
        var rented = ArrayPool<long>.Shared.Rent((int)Math.Max(total, 1));
        int k = 0;
        for (long s = 0; s < samples; s++)
            foreach (long p in withinSample) rented[k++] = s * perSample + p;
        return new PositionSet(samples * perSample, false, rented, k);
    }

    private static void Check(ReadOnlySpan<long> ascending, long numel)
    {
        if (ascending.Length > 0 && (ascending[0] < 0 || ascending[^1] >= numel))
            throw new ArgumentOutOfRangeException("position",
                $"a permanent fault's position {ascending[^1]} is outside the tensor's {numel} elements (did its shape change?)");
    }

    /// <summary>The positions as a 1-D int64 CPU tensor (the tensor path's index).</summary>
    public Tensor ToTensor() => All ? torch.arange(Numel, dtype: ScalarType.Int64) : CpuKernels.LongTensor(Span);

    public void Dispose()
    {
        if (_buffer is not null) ArrayPool<long>.Shared.Return(_buffer);
        _buffer = null;
        _count = 0;
    }

    /// <summary>A bitmap (numel/64 words to clear and scan) beats sorting once the draw is dense enough.</summary>
    private static bool UseBitmap(int count, long numel) =>
        count >= 64 && count * Math.Log2(count) * 4 > numel / 64.0 && numel / 64 < Array.MaxLength;

    private static int ThroughSort(Span<long> drawn)
    {
        if (drawn.Length < 2) return drawn.Length;
        drawn.Sort();
        int k = 1;
        for (int i = 1; i < drawn.Length; i++)
            if (drawn[i] != drawn[k - 1]) drawn[k++] = drawn[i];
        return k;
    }

    private static int ThroughBitmap(Span<long> drawn, long numel)
    {
        int words = (int)((numel + 63) / 64);
        var bitmap = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            var bits = bitmap.AsSpan(0, words);
            bits.Clear();
            foreach (long p in drawn) bits[(int)(p >> 6)] |= 1UL << (int)(p & 63);
            int k = 0;
            for (int w = 0; w < words; w++)
            {
                ulong word = bits[w];
                while (word != 0)
                {
                    drawn[k++] = ((long)w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                }
            }
            return k;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bitmap);
        }
    }
}
