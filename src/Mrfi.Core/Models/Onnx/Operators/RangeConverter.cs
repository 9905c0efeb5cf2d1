using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Range (11–17): start + i·delta for i below max(ceil((limit − start) / delta), 0), in the inputs' dtype.</summary>
[OnnxOperator("Range", SinceOpset = 11)]
internal sealed class RangeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) => LambdaNode.Of("Range", inputs =>
    {
        var start = inputs[0]!;
        double first = start.to_type(ScalarType.Float64).item<double>();
        double limit = inputs[1]!.to_type(ScalarType.Float64).item<double>();
        double delta = inputs[2]!.to_type(ScalarType.Float64).item<double>();
        if (delta == 0) throw new OnnxNodeException("Range with delta 0");
        long count = Math.Max((long)Math.Ceiling((limit - first) / delta), 0);
        // Computed in the inputs' dtype as ONNX defines it (start + i * delta), not as a float sequence cast afterwards.
        using var steps = arange(count, dtype: start.dtype);
        return steps * inputs[2]!.reshape([]) + start.reshape([]);
    });
}
