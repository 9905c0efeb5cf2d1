using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Cast to the element type <c>to</c> (float to integer truncates toward zero, as ONNX and C do). String and
/// unsigned types other than uint8 have no TorchSharp tensor and are refused at load.</summary>
[OnnxOperator("Cast")]
internal sealed class CastConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        int to = (int)node.Int("to", 0);
        var type = OnnxTensors.TypeOf(to) ?? throw node.Refuse($"cast to {OnnxTensors.NameOf(to)} is not supported");
        return LambdaNode.Unary("Cast", x => x.to_type(type));
    }
}
