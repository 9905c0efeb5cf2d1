using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Dropout at inference: the identity (and an all-true mask when asked for); training_mode must not be true.</summary>
[OnnxOperator("Dropout")]
internal sealed class DropoutConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        node.Ignore("ratio", "seed");
        if (node.Int("is_test", 1) == 0) throw node.Refuse("is_test = 0 (training) is not supported");
        if (node.HasInput(2) && (node.Constant(2) is not { } training || training.to_type(ScalarType.Bool).item<bool>()))
            throw node.Refuse("training_mode must be a constant false (mrfi runs inference)");
        bool mask = node.HasOutput(1);
        return new LambdaNode("Dropout",
            inputs => mask ? [inputs[0]!.alias(), torch.ones_like(inputs[0]!, ScalarType.Bool)] : [inputs[0]!.alias()]);
    }
}
