using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Conv with a constant weight: TorchSharp's Conv2d where it can express the node (so it is a <c>Conv2d</c> site
/// exactly like the built-in models' layers, per-sample weights included), else <see cref="ConvNode"/>.</summary>
[OnnxOperator("Conv")]
internal sealed class ConvConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        var w = node.RequireConstant(1, "weight");
        if (w.dim() is < 3 or > 5) throw node.Refuse($"a weight of {w.dim()} dimensions is not supported (1-D to 3-D convolutions are)");
        long[] kernel = w.shape[2..];
        var window = Window.Read(node, kernel);
        long groups = node.Int("group", 1);
        var weight = node.Parameter(1, "weight");
        var bias = node.HasInput(2) ? node.Parameter(2, "bias") : null;
        if (kernel.Length != 2 || !window.Symmetric) return new ConvNode(window, groups, weight, bias);
        var conv = nn.Conv2d(w.shape[1] * groups, w.shape[0], (kernel[0], kernel[1]), stride: (window.Strides[0], window.Strides[1]),
            padding: (window.Begin[0], window.Begin[1]), dilation: (window.Dilations[0], window.Dilations[1]), groups: groups,
            bias: bias is not null);
        conv.weight = weight;
        if (bias is not null) conv.bias = bias;
        return conv;
    }

}
