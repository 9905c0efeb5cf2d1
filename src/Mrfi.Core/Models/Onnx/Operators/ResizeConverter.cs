using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Resize (10–17) by <c>scales</c> or <c>sizes</c> along any axes: <c>mode</c> nearest (every
/// <c>nearest_mode</c>), linear and cubic (<c>cubic_coeff_a</c>, <c>exclude_outside</c>), and every
/// <c>coordinate_transformation_mode</c> of opset 11–17 including tf_crop_and_resize with <c>roi</c> and
/// <c>extrapolation_value</c>. Opset 10 has neither: it maps asymmetrically and rounds nearest as ONNX Runtime does
/// (down when enlarging, up when shrinking). Each axis is resampled on its own, which is exactly n-linear / n-cubic.</summary>
[OnnxOperator("Resize", SinceOpset = 10, UntilOpset = 17)] // 18 adds antialias, axes, keep_aspect_ratio_policy
internal sealed class ResizeConverter : IOnnxConverter
{
    private static readonly string[] Modes = ["nearest", "linear", "cubic"];
    private static readonly string[] Transforms =
        ["half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric", "tf_half_pixel_for_nn", "tf_crop_and_resize"];
    private static readonly string[] NearestModes = ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"];

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        string mode = Check(node, "mode", node.String("mode", "nearest")!, node.Opset == 10 ? Modes[..2] : Modes);
        ResizeSettings settings;
        if (node.Opset == 10)
            settings = new ResizeSettings(mode, "asymmetric", "simple", -0.75, false, 0);
        else
            settings = new ResizeSettings(mode,
                Check(node, "coordinate_transformation_mode", node.String("coordinate_transformation_mode", "half_pixel")!, Transforms),
                Check(node, "nearest_mode", node.String("nearest_mode", "round_prefer_floor")!, NearestModes),
                node.Float("cubic_coeff_a", -0.75f),
                node.Int("exclude_outside", 0) != 0,
                node.Float("extrapolation_value", 0f));
        bool opset10 = node.Opset == 10;
        return LambdaNode.Of("Resize", inputs => opset10
            ? Resize(inputs[0]!, null, Floats(inputs[1]), null, settings)
            : Resize(inputs[0]!, Floats(Input(inputs, 1)), Floats(Input(inputs, 2)),
                Input(inputs, 3) is { } s && s.numel() > 0 ? RuntimeInts.Of(s) : null, settings));
    }

    private static string Check(OnnxNodeContext node, string attribute, string value, string[] supported) =>
        supported.Contains(value) ? value
            : throw node.Refuse($"{attribute} = '{value}' is not supported at opset {node.Opset} (supported: " +
                $"{string.Join(", ", supported)})");

    private static Tensor? Input(IReadOnlyList<Tensor?> inputs, int index) => inputs.Count > index ? inputs[index] : null;

    private static float[]? Floats(Tensor? t)
    {
        if (t is null || t.numel() == 0) return null;
        using var f = t.to_type(ScalarType.Float32).contiguous();
        return f.data<float>().ToArray();
    }

    private static Tensor Resize(Tensor x, float[]? roi, float[]? scales, long[]? sizes, ResizeSettings settings)
    {
        int rank = (int)x.dim();
        if (scales is null && sizes is null) throw new OnnxNodeException("Resize needs scales or sizes");
        if ((scales?.Length ?? sizes!.Length) != rank)
            throw new OnnxNodeException($"Resize got {scales?.Length ?? sizes!.Length} scales or sizes for a tensor of rank {rank}");
        if (settings.Transform == "tf_crop_and_resize" && roi?.Length != 2 * rank)
            throw new OnnxNodeException($"tf_crop_and_resize needs an roi of {2 * rank} values");
        if (settings.Mode != "nearest" && !is_floating_point(x))
            throw new OnnxNodeException($"{settings.Mode} Resize of a {x.dtype} tensor is not supported");
        var result = x.alias();
        for (int axis = 0; axis < rank; axis++)
        {
            long input = x.shape[axis];
            // As ONNX Runtime: the output size truncates input × scale in float; given sizes imply scale = output / input.
            long output = sizes?[axis] ?? (long)(input * scales![axis]);
            float scale = scales?[axis] ?? (float)output / input;
            var resampling = new ResizeAxis(settings, input, output, scale, scales is not null,
                roi is null ? (0, 1) : (roi[axis], roi[axis + rank]));
            if (resampling.IsIdentity) continue;
            var next = resampling.Apply(result, axis);
            result.Dispose();
            result = next;
        }
        return result;
    }
}
