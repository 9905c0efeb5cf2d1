using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>ConstantOfShape (9–17): a tensor of the shape given by the input, filled with <c>value</c>'s one element
/// (float 0 when absent).</summary>
[OnnxOperator("ConstantOfShape", SinceOpset = 9)]
internal sealed class ConstantOfShapeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        var value = node.TensorAttribute("value") ?? zeros(1, ScalarType.Float32);
        if (value.numel() != 1) throw node.Refuse($"value must hold one element, but it holds {value.numel()}");
        // A 0-d copy, kept out of any dispose scope the model is loaded in: it lives as long as the node.
        var fill = value.reshape([]).clone().DetachFromDisposeScope();
        return new LambdaNode("ConstantOfShape", inputs => [fill.expand(RuntimeInts.Of(inputs[0]!)).clone()]);
    }
}
