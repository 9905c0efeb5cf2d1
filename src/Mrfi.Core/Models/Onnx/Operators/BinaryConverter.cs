using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Add, Sub, Mul, Div with numpy broadcasting (opset 7 on; earlier opsets' <c>broadcast</c>/<c>axis</c> are out of
/// range).</summary>
[OnnxOperator("Add")]
[OnnxOperator("Sub")]
[OnnxOperator("Mul")]
[OnnxOperator("Div")]
internal sealed class BinaryConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        Func<Tensor, Tensor, Tensor> op = node.OpType switch
        {
            "Add" => (a, b) => a + b,
            "Sub" => (a, b) => a - b,
            "Mul" => (a, b) => a * b,
            _ => Divide,
        };
        return LambdaNode.Of(node.OpType, inputs => op(inputs[0]!, inputs[1]!));
    }

    // Integer division truncates in ONNX (C semantics); torch's true division would turn integers into floats.
    private static Tensor Divide(Tensor a, Tensor b) =>
        torch.is_integral(a.dtype) ? a.div(b, RoundingMode.trunc) : a / b;
}
