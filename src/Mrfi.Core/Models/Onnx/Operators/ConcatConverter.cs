using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Concat along <c>axis</c> (required from opset 4).</summary>
[OnnxOperator("Concat", SinceOpset = 4)]
internal sealed class ConcatConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        if (!node.Has("axis")) throw node.Refuse("axis is required");
        long axis = node.Int("axis", 0);
        return LambdaNode.Of("Concat", inputs => torch.cat([.. inputs.Where(t => t is not null).Select(t => t!)], axis));
    }
}
