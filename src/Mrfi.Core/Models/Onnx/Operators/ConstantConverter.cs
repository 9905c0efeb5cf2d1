using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Constant: folded at load into a constant value (like an initializer), so it never runs as a node.</summary>
[OnnxOperator("Constant")]
internal sealed class ConstantConverter : IOnnxConverter
{
    /// <summary>The node's value, from whichever <c>value*</c> attribute it has.</summary>
    public static Tensor Value(OnnxNodeContext node)
    {
        if (node.TensorAttribute("value") is { } t) return t;
        if (node.Has("value_float")) return torch.tensor(node.Float("value_float", 0));
        if (node.Floats("value_floats") is { } fs) return torch.tensor(fs);
        if (node.Has("value_int")) return torch.tensor(node.Int("value_int", 0));
        if (node.Ints("value_ints") is { } ints) return torch.tensor(ints);
        throw node.Refuse("only value, value_float(s) and value_int(s) constants are supported (not strings or sparse tensors)");
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        var value = Value(node);
        return LambdaNode.Of("Constant", _ => value.alias());
    }
}
