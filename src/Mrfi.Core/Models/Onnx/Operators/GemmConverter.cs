using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Gemm with a constant B: TorchSharp's Linear when it is one (PyTorch's export of nn.Linear: transB = 1, alpha =
/// beta = 1, a constant bias), so the site behaves exactly as a built-in Linear; else <see cref="GemmNode"/>.</summary>
[OnnxOperator("Gemm")]
internal sealed class GemmConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        var attributes = new GemmAttributes(node.Float("alpha", 1), node.Float("beta", 1), node.Int("transA", 0) != 0,
            node.Int("transB", 0) != 0);
        if (node.Opset < 11 && !node.HasInput(2)) throw node.Refuse("input C is required before opset 11");
        node.Ignore("broadcast");
        var b = node.RequireConstant(1, "weight B");
        if (b.dim() != 2) throw node.Refuse("B must be a matrix");
        var c = node.Constant(2);
        long n = attributes.TransB ? b.shape[0] : b.shape[1];
        bool linear = attributes is { Alpha: 1, TransA: false }
            && (!node.HasInput(2) || (c is not null && attributes.Beta == 1 && c.numel() == n && c.shape[^1] == n));
        if (!linear)
        {
            var weight = node.Parameter(1, "weight B");
            var bias = c is null ? null : new Parameter(c.detach().clone(), requires_grad: false);
            return new GemmNode(attributes, weight, bias);
        }
        // Linear holds [out, in]: B itself when transB = 1, else its transpose.
        var w = new Parameter((attributes.TransB ? b : b.t()).contiguous().clone(), requires_grad: false);
        var biasVector = c is null ? null : new Parameter(c.reshape(n).clone(), requires_grad: false);
        return nn.Linear(w, biasVector);
    }
}
