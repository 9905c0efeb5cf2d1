using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>The resampling of one axis: where each output index falls in the input (in float, as ONNX Runtime computes
/// it) and the input indices and weights that make it up.</summary>
internal sealed class ResizeAxis
{
    private readonly ResizeSettings _settings;
    private readonly long _input;
    private readonly float[] _original;
    private readonly float _length;

    /// <summary>The resampling from <paramref name="input"/> to <paramref name="output"/> elements; <paramref name="scalesGiven"/>
    /// says whether the node gave scales (else sizes).</summary>
    public ResizeAxis(ResizeSettings settings, long input, long output, float scale, bool scalesGiven, (float Start, float End) roi)
    {
        _settings = settings;
        _input = input;
        // align_corners divides by the resized length: ONNX's reference takes input × scale unrounded when scales are
        // given (ONNX Runtime the rounded size); the two agree whenever input × scale is whole.
        _length = scalesGiven ? input * scale : output;
        _original = new float[output];
        for (long i = 0; i < output; i++) _original[i] = Original(i, input, output, scale, roi.Start, roi.End);
        IsIdentity = output == input && _original.Select((x, i) => x == i).All(same => same);
    }

    /// <summary>Whether the axis maps every index onto itself (nothing to do).</summary>
    public bool IsIdentity { get; }

    private float Original(long x, long input, long output, float scale, float start, float end) => _settings.Transform switch
    {
        "half_pixel" => (x + 0.5f) / scale - 0.5f,
        "pytorch_half_pixel" => output > 1 ? (x + 0.5f) / scale - 0.5f : 0f,
        "align_corners" => _length == 1 ? 0f : x * (float)(input - 1) / (_length - 1),
        "asymmetric" => x / scale,
        "tf_half_pixel_for_nn" => (x + 0.5f) / scale,
        _ => output > 1 ? start * (input - 1) + x * (end - start) * (input - 1) / (output - 1) : 0.5f * (start + end) * (input - 1),
    };

    /// <summary>The tensor resampled along <paramref name="axis"/>.</summary>
    public Tensor Apply(Tensor x, long axis)
    {
        using var scope = NewDisposeScope();
        var result = _settings.Mode switch
        {
            "nearest" => x.index_select(axis, tensor(_original.Select(Nearest).ToArray())),
            "linear" => Weighted(x, axis, 2),
            _ => Weighted(x, axis, 4),
        };
        if (_settings.Transform == "tf_crop_and_resize")
        {
            var outside = tensor(_original.Select(o => o < 0 || o > _input - 1).ToArray())
                .reshape(Along((int)x.dim(), axis, _original.Length));
            result = result.masked_fill(outside, _settings.Extrapolation);
        }
        return result.MoveToOuterDisposeScope();
    }

    private long Nearest(float original)
    {
        double rounded = _settings.Nearest switch
        {
            "round_prefer_floor" => original == Math.Floor(original) + 0.5 ? Math.Floor(original) : Math.Round(original),
            "round_prefer_ceil" => original == Math.Floor(original) + 0.5 ? Math.Ceiling(original) : Math.Round(original),
            "floor" => Math.Floor(original),
            "ceil" => Math.Ceiling(original),
            _ => _original.Length < _input ? Math.Ceiling(original) : Math.Truncate(original), // opset 10, ONNX Runtime's "simple"
        };
        return Math.Clamp((long)rounded, 0, _input - 1);
    }

    // Sum over the taps of weight × input at the tap's (edge-clamped) index: 2 taps linear, 4 taps cubic.
    private Tensor Weighted(Tensor x, long axis, int taps)
    {
        int output = _original.Length;
        var indices = new long[taps][];
        var weights = new float[taps][];
        for (int t = 0; t < taps; t++) { indices[t] = new long[output]; weights[t] = new float[output]; }
        for (int i = 0; i < output; i++)
        {
            float o = taps == 2 ? Math.Clamp(_original[i], 0, _input - 1) : _original[i];
            long floor = (long)Math.Floor(o);
            float s = o - floor;
            double[] w = taps == 2 ? [1 - s, s] : Cubic(s, _settings.CubicA);
            long first = taps == 2 ? floor : floor - 1;
            double total = 0;
            for (int t = 0; t < taps; t++)
            {
                long index = first + t;
                if (_settings.ExcludeOutside && (index < 0 || index >= _input)) w[t] = 0;
                total += w[t];
                indices[t][i] = Math.Clamp(index, 0, _input - 1);
            }
            for (int t = 0; t < taps; t++) weights[t][i] = (float)(_settings.ExcludeOutside ? w[t] / total : w[t]);
        }
        long[] along = Along((int)x.dim(), axis, output);
        Tensor? sum = null;
        for (int t = 0; t < taps; t++)
        {
            var term = x.index_select(axis, tensor(indices[t])) * tensor(weights[t]).to_type(x.dtype).reshape(along);
            sum = sum is null ? term : sum + term;
        }
        return sum!;
    }

    private static double[] Cubic(double s, double a) =>
    [
        ((a * (s + 1) - 5 * a) * (s + 1) + 8 * a) * (s + 1) - 4 * a,
        ((a + 2) * s - (a + 3)) * s * s + 1,
        ((a + 2) * (1 - s) - (a + 3)) * (1 - s) * (1 - s) + 1,
        ((a * (2 - s) - 5 * a) * (2 - s) + 8 * a) * (2 - s) - 4 * a,
    ];

    private static long[] Along(int rank, long axis, long size) => [.. Enumerable.Range(0, rank).Select(i => i == axis ? size : 1L)];
}
