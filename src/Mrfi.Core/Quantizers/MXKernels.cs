using System.Runtime.Intrinsics;
using Mrfi.Core.ErrorModels;

namespace Mrfi.Core.Quantizers;

/// <summary>MX calibration, quantization and dequantization over a contiguous float32 CPU tensor's memory: the same values as
/// <see cref="MXQuantization"/>'s reference loop (value by value, in double), bit for bit.</summary>
/// <remarks>What depends on the block (its maximum, the scaling by 2^k) is done run by run; what does not (rounding to the
/// element, its word, decoding) in one pass over the whole tensor, eight values at a time where it can: blocks run along
/// the last dimension, which is often shorter than a vector loop pays for (14 or 28 values in LeNet). Scaling by 2^k is one
/// float32 multiplication here, one double multiplication and a cast there: both round the exact product once, to nearest
/// even, and every scale 2^(±127) is a float32, so they agree.</remarks>
internal sealed class MXKernels
{
    private const int AbsMask = 0x7FFFFFFF, InfBits = 0x7F800000;
    private static readonly float[] Down = [.. Enumerable.Range(0, 256).Select(c => MathF.ScaleB(1f, 127 - c))];
    private static readonly float[] Up = [.. Enumerable.Range(0, 256).Select(c => MathF.ScaleB(1f, c - 127))];
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
        var maxBits = new int[layout.Blocks];
        var bits = System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(x);
        if (layout.Inner == 1)
        {
            // Along the last dimension: block after block in memory, without the general walk's bookkeeping per run.
            int size = (int)layout.Size, b = 0;
            for (int row = 0; row < bits.Length; row += size)
                for (int c = 0; c < size; c += layout.Block, b++)
                    maxBits[b] = MaxAbsBits(bits[(row + c)..(row + Math.Min(c + layout.Block, size))]);
        }
        else
            foreach (var (start, length, block) in layout.Runs())
            {
                int m = maxBits[block];
                foreach (int b in bits.Slice(start, length)) m = Math.Max(m, b & AbsMask);
                maxBits[block] = m;
            }
        var codes = maxBits;  // each block's code replaces its maximum
        for (int b = 0; b < codes.Length; b++)
        {
            int m = maxBits[b];
            // floor(log2 |x|) from the bits: the exponent field, or for a float32 subnormal its top set bit's place.
            int log2 = m >= 0x00800000 ? (m >> 23) - 127 : System.Numerics.BitOperations.Log2((uint)m) - 149;
            codes[b] = m >= InfBits ? MXQuantization.NaNCode : m == 0 ? 0 : Math.Clamp(log2 - _element.Emax, -127, 127) + 127;
        }
        return codes;
    }

    /// <summary>The largest of <paramref name="bits"/> with the sign cleared: eight at a time, the last eight overlapping the
    /// ones before (a maximum does not mind seeing a value twice).</summary>
    private static int MaxAbsBits(ReadOnlySpan<int> bits)
    {
        if (!Vector256.IsHardwareAccelerated || bits.Length < 8)
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

    /// <summary>Replaces every value by its element word (see <see cref="MXElement"/>).</summary>
    public void Quantize(Span<float> x, MXLayout layout, int[] codes)
    {
        if (layout.Inner == 1)
        {
            int size = (int)layout.Size, b = 0;
            for (int row = 0; row < x.Length; row += size)
                for (int c = 0; c < size; c += layout.Block, b++)
                {
                    int code = codes[b], end = row + Math.Min(c + layout.Block, size);
                    float down = code == MXQuantization.NaNCode ? 0 : Down[code];  // a NaN block's words are 0: cleared below
                    for (int i = row + c; i < end; i++) x[i] *= down;
                    if (code == MXQuantization.NaNCode) x[(row + c)..end].Clear();
                }
        }
        else foreach (var (start, length, block) in layout.Runs()) Scale(x.Slice(start, length), codes[block]);
        if (_float is not null) _float.Words(x);
        else
            for (int i = 0; i < x.Length; i++)
                x[i] = (int)Math.Clamp(MathF.Round(x[i] * 64f, MidpointRounding.ToEven), -127f, 127f);  // an integer word: -0 is 0
    }

    /// <summary>Replaces every element word by element value × the block's scale (NaN in a block of code 255).</summary>
    public void Dequantize(Span<float> x, MXLayout layout, int[] codes)
    {
        if (layout.Inner == 1)
        {
            int size = (int)layout.Size, b = 0;
            var decoded = _decoded;
            long mask = _mask;
            for (int row = 0; row < x.Length; row += size)
                for (int c = 0; c < size; c += layout.Block, b++)
                {
                    int code = codes[b], end = row + Math.Min(c + layout.Block, size);
                    float up = code == MXQuantization.NaNCode ? float.NaN : Up[code];
                    for (int i = row + c; i < end; i++) x[i] = decoded[(int)((long)x[i] & mask)] * up;
                }
        }
        else foreach (var (start, length, block) in layout.Runs()) Decode(x.Slice(start, length), codes[block]);
    }

    /// <summary>Divides a block's values by its scale (a NaN block's become 0, the word they are stored as).</summary>
    private static void Scale(Span<float> run, int code)
    {
        if (code == MXQuantization.NaNCode)
        {
            run.Clear();
            return;
        }
        float down = Down[code];
        for (int i = 0; i < run.Length; i++) run[i] *= down;
    }

    /// <summary>Turns a block's words into element value × scale.</summary>
    private void Decode(Span<float> run, int code)
    {
        float up = code == MXQuantization.NaNCode ? float.NaN : Up[code];
        var decoded = _decoded;
        long mask = _mask;
        for (int i = 0; i < run.Length; i++) run[i] = decoded[(int)((long)run[i] & mask)] * up;
    }
}
