using System.Numerics.Tensors;
using Mrfi.Core.ErrorModels;

namespace Mrfi.Core.Quantizers;

/// <summary>MX calibration, quantization and dequantization over a contiguous float32 CPU tensor's memory, block run by
/// block run: the same values as <see cref="MXQuantization"/>'s reference loop (value by value, in double), bit for bit.</summary>
/// <remarks>Scaling by 2^k is one float32 multiplication here, one double multiplication and a cast there: both round the
/// exact product once, to nearest even, and every scale 2^(±127) is a float32, so they agree. Elements are rounded by
/// <see cref="MiniFloatSpan"/>, which equals <see cref="MiniFloat"/> on finite values; decoding reads a table of the
/// element's 2^width values.</remarks>
internal sealed class MXKernels
{
    private static readonly float[] Down = [.. Enumerable.Range(0, 256).Select(c => MathF.ScaleB(1f, 127 - c))];
    private static readonly float[] Up = [.. Enumerable.Range(0, 256).Select(c => MathF.ScaleB(1f, c - 127))];
    private readonly MXElement _element;
    private readonly MiniFloatSpan? _float;
    private readonly float[] _decoded;
    private readonly float _max;
    private readonly long _mask;

    public MXKernels(MXElement element)
    {
        _element = element;
        _float = element.Float is null ? null : new MiniFloatSpan(element.Float);
        _max = element.Float is null ? 127f : (float)MiniFloat.MaxNormal(element.Float);
        _decoded = [.. Enumerable.Range(0, 1 << element.Width).Select(p => element.Decode(p))];
        _mask = (1L << element.Width) - 1;
    }

    /// <summary>Every block's E8M0 code: 255 where the block holds NaN or ±Inf, 0 for a block of zeros, else
    /// floor(log2 max|x|) − emax + 127 clamped to 0…254.</summary>
    public int[] Calibrate(ReadOnlySpan<float> x, MXLayout layout)
    {
        var max = new float[layout.Blocks];
        foreach (var (start, length, block) in layout.Runs())
        {
            // MaxMagnitude is NaN when the run holds a NaN and ±Inf when it holds an infinity: both mark the block invalid.
            float a = MathF.Abs(length == 1 ? x[start] : TensorPrimitives.MaxMagnitude(x.Slice(start, length)));
            if (!float.IsFinite(a) || float.IsNaN(max[block])) max[block] = float.NaN;
            else if (a > max[block]) max[block] = a;
        }
        var codes = new int[max.Length];
        for (int b = 0; b < codes.Length; b++)
            codes[b] = float.IsNaN(max[b]) ? MXQuantization.NaNCode : max[b] == 0 ? 0
                : Math.Clamp(Math.ILogB((double)max[b]) - _element.Emax, -127, 127) + 127;
        return codes;
    }

    /// <summary>Replaces every value by its element word (see <see cref="MXElement"/>).</summary>
    public void Quantize(Span<float> x, MXLayout layout, int[] codes)
    {
        int half = 1 << (_element.Width - 1), full = 1 << _element.Width;
        foreach (var (start, length, block) in layout.Runs())
        {
            var run = x.Slice(start, length);
            int code = codes[block];
            if (code == MXQuantization.NaNCode)
            {
                run.Clear();
                continue;
            }
            TensorPrimitives.Multiply(run, Down[code], run);
            if (_float is null)
            {
                for (int i = 0; i < run.Length; i++)
                {
                    float q = MathF.Round(run[i] * 64f, MidpointRounding.ToEven);
                    run[i] = float.IsNaN(q) ? 0 : (int)Math.Clamp(q, -127f, 127f);  // an integer word: -0 is 0
                }
                continue;
            }
            TensorPrimitives.Clamp(run, -_max, _max, run);
            _float.Round(run);
            for (int i = 0; i < run.Length; i++)
            {
                int pattern = _float.Pattern(run[i]);
                run[i] = pattern >= half ? pattern - full : pattern;
            }
        }
    }

    /// <summary>Replaces every element word by element value × the block's scale (NaN in a block of code 255).</summary>
    public void Dequantize(Span<float> x, MXLayout layout, int[] codes)
    {
        foreach (var (start, length, block) in layout.Runs())
        {
            var run = x.Slice(start, length);
            int code = codes[block];
            float scale = code == MXQuantization.NaNCode ? float.NaN : Up[code];
            for (int i = 0; i < run.Length; i++) run[i] = _decoded[(int)((long)run[i] & _mask)] * scale;
        }
    }
}
