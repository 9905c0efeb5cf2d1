using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Where (9–17): X where the condition holds, else Y, all three broadcast.</summary>
[OnnxOperator("Where", SinceOpset = 9)]
internal sealed class WhereConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) =>
        LambdaNode.Of("Where", inputs => where(inputs[0]!.to_type(ScalarType.Bool), inputs[1]!, inputs[2]!));
}
