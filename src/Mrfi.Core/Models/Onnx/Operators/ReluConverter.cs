using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Relu: max(x, 0).</summary>
[OnnxOperator("Relu")]
internal sealed class ReluConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) => LambdaNode.Unary("Relu", x => nn.functional.relu(x));
}
