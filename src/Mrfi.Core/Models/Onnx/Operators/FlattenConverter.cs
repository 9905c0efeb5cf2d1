using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Flatten to 2-D: the axes before <c>axis</c> become rows, the rest columns.</summary>
[OnnxOperator("Flatten")]
internal sealed class FlattenConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long axis = node.Int("axis", 1);
        return LambdaNode.Unary("Flatten", x =>
        {
            long a = axis < 0 ? axis + x.dim() : axis;
            long rows = x.shape[..(int)a].Aggregate(1L, (p, d) => p * d);
            return x.reshape(rows, -1);
        });
    }
}
