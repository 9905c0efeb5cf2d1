using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>MatMul. With a constant 2-D right operand (PyTorch's export of nn.Linear without bias, or on 3-D inputs) it is
/// TorchSharp's Linear whose <c>weight</c> is that operand transposed — PyTorch's [out, in] layout; otherwise a plain matmul.</summary>
[OnnxOperator("MatMul")]
internal sealed class MatMulConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        if (node.Constant(1) is { } b && b.dim() == 2 && !node.IsConstant(0) && torch.is_floating_point(b))
            return nn.Linear(new Parameter(b.t().contiguous().clone(), requires_grad: false), null);
        return LambdaNode.Of("MatMul", inputs => inputs[0]!.matmul(inputs[1]!));
    }
}
