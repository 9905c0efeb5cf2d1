using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Mrfi.Core.ErrorModels;

namespace Mrfi.Core.Quantizers;

/// <summary>MX calibration, quantization and dequantization over a contiguous float32 CPU tensor's memory: the same values as
/// <see cref="MXQuantization"/>'s reference loop (value by value, in double), bit for bit.</summary>
/// <remarks>Blocks along the last dimension are runs in memory (often short: 3 values of a 3×3 kernel, 14 of a LeNet
/// row), walked with plain index loops; blocks along an earlier dimension lie across rows of <c>Inner</c> values, one
/// block per column, so they are reduced and scaled a row at a time, eight columns at once. Rounding to the element and its
/// word, and decoding, do not depend on the block: one pass over the tensor, or the same pass as the scaling where every
/// block is a run of a multiple of 8 values (memory, not arithmetic, bounds these passes). Scaling by 2^k is one float32 multiplication
/// here, one double multiplication and a cast there: both round the exact product once, to nearest even, and every scale
/// 2^(±127) is a float32, so they agree.</remarks>
internal sealed class MXKernels
{
    private const int AbsMask = 0x7FFFFFFF, InfBits = 0x7F800000;
    // 1 / scale and scale of every E8M0 code; a NaN block (code 255) is scaled by 0 (its words are cleared) and decodes to NaN.
    private static readonly float[] Down =
        [.. Enumerable.Range(0, 256).Select(c => c == MXQuantization.NaNCode ? 0 : MathF.ScaleB(1f, 127 - c))];
    private static readonly float[] Up =
        [.. Enumerable.Range(0, 256).Select(c => c == MXQuantization.NaNCode ? float.NaN : MathF.ScaleB(1f, c - 127))];
    private readonly MXElement _element;
    private readonly MiniFloatSpan? _float;
    private readonly float[] _decoded;
    private readonly long _mask;

    public MXKernels(MXElement element)
    {
        _element = element;
        _float = element.Float is null ? null : new MiniFloatSpan(element.Float);
        _decoded = [.. Enumerable.Range(0, 1 << element.Width).Select(p => element.Decode(p))];
        _mask = (1L << element.Width) - 1;
    }

    /// <summary>Every block's E8M0 code: 255 where the block holds NaN or ±Inf, 0 for a block of zeros, else
    /// floor(log2 max|x|) − emax + 127 clamped to 0…254.</summary>
    public int[] Calibrate(ReadOnlySpan<float> x, MXLayout layout)
    {
        // The largest |x| as its bits: non-negative floats order as their bits, and NaN and ±Inf lie above every finite value.
        var codes = new int[layout.Blocks];
        var bits = MemoryMarshal.Cast<float, int>(x);
        if (layout.Inner == 1)
        {
            foreach (var (start, end, b) in layout.Runs())
            {
                int m = 0;
                if (end - start >= 8) m = MaxAbsBits(bits[start..end]);
                else
                    for (int i = start; i < end; i++)
                    {
                        // Branch-free maximum of two non-negative ints: on random data a branch would be mispredicted half
                        // the time, and blocks of 3 (a 3×3 kernel's rows) leave nothing else to amortise it.
                        int d = m - (bits[i] & AbsMask);
                        m -= d & (d >> 31);
                    }
                codes[b] = m;
            }
        }
        else
            foreach (var (row, blocks) in Rows(layout))
            {
                var maxima = codes.AsSpan(blocks, (int)layout.Inner);
                var values = bits.Slice(row, maxima.Length);
                int j = 0;
                if (Vector256.IsHardwareAccelerated)
                    for (; j <= maxima.Length - 8; j += 8)
                    {
                        var abs = Vector256.Create<int>(values.Slice(j, 8)) & Vector256.Create(AbsMask);
                        Vector256.Max(Vector256.Create<int>(maxima.Slice(j, 8)), abs).CopyTo(maxima.Slice(j, 8));
                    }
                for (; j < maxima.Length; j++) maxima[j] = Math.Max(maxima[j], values[j] & AbsMask);
            }
        for (int b = 0; b < codes.Length; b++)
        {
            int m = codes[b];
            // floor(log2 |x|) from the bits: the exponent field, or for a float32 subnormal its top set bit's place.
            int log2 = m >= 0x00800000 ? (m >> 23) - 127 : System.Numerics.BitOperations.Log2((uint)m) - 149;
            codes[b] = m >= InfBits ? MXQuantization.NaNCode : m == 0 ? 0 : Math.Clamp(log2 - _element.Emax, -127, 127) + 127;
        }
        return codes;
    }

    /// <summary>Replaces every value by its element word (see <see cref="MXElement"/>); a block of code 255 by words 0.</summary>
    public void Quantize(Span<float> x, MXLayout layout, int[] codes)
    {
        if (_float is not null && Fused(layout))
        {
            // Long runs: scaled, rounded and turned into words in one pass over memory per block.
            foreach (var (start, end, b) in layout.Runs()) _float.Words(x[start..end], Down[codes[b]]);
            if (codes.Contains(MXQuantization.NaNCode)) ClearNaNBlocks(x, layout, codes);
            return;
        }
        Multiply(x, layout, codes, Down);
        if (codes.Contains(MXQuantization.NaNCode)) ClearNaNBlocks(x, layout, codes);
        if (_float is not null) _float.Words(x);
        else
            for (int i = 0; i < x.Length; i++)
                x[i] = (int)Math.Clamp(MathF.Round(x[i] * 64f, MidpointRounding.ToEven), -127f, 127f);  // an integer word: -0 is 0
    }

    /// <summary>Replaces every element word by element value × the block's scale (NaN in a block of code 255).</summary>
    public void Dequantize(Span<float> x, MXLayout layout, int[] codes)
    {
        if (_float is not null && Fused(layout))
        {
            foreach (var (start, end, b) in layout.Runs()) _float.Values(x[start..end], Up[codes[b]]);
            return;
        }
        if (_float is not null) _float.Values(x);
        else
        {
            var decoded = _decoded;
            long mask = _mask;
            for (int i = 0; i < x.Length; i++) x[i] = decoded[(int)((long)x[i] & mask)];
        }
        Multiply(x, layout, codes, Up);
    }

    /// <summary>Whether every block is a run in memory of a multiple of 8 values (blocks of 32 along 56, 112 or 224 columns),
    /// converted in one pass per block, eight at a time; other runs (14, 28, a 3×3 kernel's 3) would leave scalar tails
    /// per block, so they are scaled block by block and converted in a second pass over the whole tensor.</summary>
    private static bool Fused(MXLayout layout) =>
        layout.Inner == 1 && layout.Block % 8 == 0 && layout.Size % layout.Block % 8 == 0 && layout.Size >= 8;

    /// <summary>Multiplies every value by its block's entry of <paramref name="table"/> (indexed by the block's code).</summary>
    private static void Multiply(Span<float> x, MXLayout layout, int[] codes, float[] table)
    {
        if (layout.Inner == 1)
        {
            foreach (var (start, end, b) in layout.Runs())
            {
                float factor = table[codes[b]];
                int i = start;
                if (Vector256.IsHardwareAccelerated && end - i >= 8)
                {
                    var f = Vector256.Create(factor);
                    for (; i <= end - 8; i += 8) (Vector256.Create<float>(x.Slice(i, 8)) * f).CopyTo(x.Slice(i, 8));
                }
                for (; i < end; i++) x[i] *= factor;
            }
            return;
        }
        var factors = new float[layout.Inner];
        int last = -1;
        foreach (var (row, blocks) in Rows(layout))
        {
            if (blocks != last)
                for (int j = 0; j < factors.Length; j++) factors[j] = table[codes[blocks + j]];
            last = blocks;
            var values = x.Slice(row, factors.Length);
            System.Numerics.Tensors.TensorPrimitives.Multiply(values, factors, values);
        }
    }

    /// <summary>Sets the values of every block of code 255 to +0, the word they are stored as (the factor 0 left them ±0 or
    /// NaN).</summary>
    private static void ClearNaNBlocks(Span<float> x, MXLayout layout, int[] codes)
    {
        if (layout.Inner == 1)
        {
            foreach (var (start, end, b) in layout.Runs())
                if (codes[b] == MXQuantization.NaNCode) x[start..end].Clear();
            return;
        }
        foreach (var (row, blocks) in Rows(layout))
            for (int j = 0; j < layout.Inner; j++)
                if (codes[blocks + j] == MXQuantization.NaNCode) x[row + j] = 0;
    }

    /// <summary>For blocks across rows (<c>Inner</c> &gt; 1): each row's first value and its first value's block; the row's
    /// values belong to that block and the <c>Inner</c> − 1 after it.</summary>
    private static IEnumerable<(int Row, int Blocks)> Rows(MXLayout layout)
    {
        int inner = (int)layout.Inner, row = 0;
        long blocksAlong = layout.BlocksAlong;
        for (long o = 0; o < layout.Outer; o++)
            for (long c = 0; c < layout.Size; c++, row += inner)
                yield return (row, (int)((o * blocksAlong + c / layout.Block) * inner));
    }

    /// <summary>The largest of eight or more <paramref name="bits"/> with the sign cleared: eight at a time, the last eight
    /// overlapping the ones before (a maximum does not mind seeing a value twice).</summary>
    private static int MaxAbsBits(ReadOnlySpan<int> bits)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            int m = 0;
            foreach (int b in bits) m = Math.Max(m, b & AbsMask);
            return m;
        }
        var mask = Vector256.Create(AbsMask);
        var v = Vector256<int>.Zero;
        for (int i = 0; i + 8 <= bits.Length; i += 8) v = Vector256.Max(v, Vector256.Create<int>(bits.Slice(i, 8)) & mask);
        v = Vector256.Max(v, Vector256.Create<int>(bits[^8..]) & mask);
        var half = Vector128.Max(v.GetLower(), v.GetUpper());
        return Math.Max(Math.Max(half[0], half[1]), Math.Max(half[2], half[3]));
    }
}
