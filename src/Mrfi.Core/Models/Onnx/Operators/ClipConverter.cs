using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Clip: bounds from the <c>min</c>/<c>max</c> attributes before opset 11, from optional inputs 1 and 2 since.</summary>
[OnnxOperator("Clip")]
internal sealed class ClipConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        if (node.Opset < 11)
        {
            float min = node.Float("min", float.NegativeInfinity), max = node.Float("max", float.PositiveInfinity);
            return LambdaNode.Unary("Clip", x => x.clamp(min, max));
        }
        return LambdaNode.Of("Clip", inputs =>
        {
            var x = inputs[0]!;
            var min = inputs.Count > 1 ? inputs[1] : null;
            var max = inputs.Count > 2 ? inputs[2] : null;
            // ONNX: min greater than max gives max everywhere, as torch's clamp does.
            return min is null && max is null ? x.alias() : x.clamp(min, max);
        });
    }
}
