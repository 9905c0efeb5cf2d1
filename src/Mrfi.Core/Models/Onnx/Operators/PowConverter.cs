using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Pow: base to the exponent, broadcast; the result has the base's dtype whatever the exponent's (opset 12 on
/// allows mixed types), as ONNX specifies.</summary>
[OnnxOperator("Pow")]
internal sealed class PowConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) => LambdaNode.Of("Pow", inputs =>
    {
        var x = inputs[0]!;
        var y = inputs[1]!;
        // x² is what LayerNorm's decomposition asks for; a multiplication is exact where pow may round differently.
        if (y.numel() == 1 && y.dim() <= x.dim() && is_floating_point(x) && y.to_type(ScalarType.Float64).item<double>() == 2.0)
            return x * x;
        if (x.dtype == y.dtype) return x.pow(y);
        using var result = x.to_type(ScalarType.Float64).pow(y.to_type(ScalarType.Float64));
        return result.to_type(x.dtype);
    });
}
