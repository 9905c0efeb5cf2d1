using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>ConvTranspose with a constant weight, 1-D or 2-D, explicit symmetric padding.</summary>
[OnnxOperator("ConvTranspose")]
internal sealed class ConvTransposeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        var w = node.RequireConstant(1, "weight");
        if (w.dim() is not (3 or 4)) throw node.Refuse("only 1-D and 2-D transposed convolutions are supported");
        var window = Window.Read(node, w.shape[2..]);
        if (!window.Symmetric || window.AutoPad != "NOTSET")
            throw node.Refuse("only explicit, symmetric pads are supported (auto_pad and unequal begin/end pads are not)");
        if (node.Has("output_shape")) throw node.Refuse("output_shape is not supported; export with explicit pads and output_padding");
        long[] outputPadding = node.Ints("output_padding") ?? new long[window.Kernel.Length];
        var bias = node.HasInput(2) ? node.Parameter(2, "bias") : null;
        return new ConvTransposeNode(window, outputPadding, node.Int("group", 1), node.Parameter(1, "weight"), bias);
    }
}
