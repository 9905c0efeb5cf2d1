using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Identity of a computed value (Identity of a constant is folded at load and gets no module).</summary>
[OnnxOperator("Identity")]
internal sealed class IdentityConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) => LambdaNode.Unary("Identity", x => x.alias());
}
