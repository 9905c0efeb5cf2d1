using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>BatchNormalization in inference mode (opset 9 on: no <c>spatial</c>; training_mode must be 0).</summary>
[OnnxOperator("BatchNormalization", SinceOpset = 9)]
internal sealed class BatchNormalizationConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        if (node.Int("training_mode", 0) != 0) throw node.Refuse("training_mode = 1 is not supported (mrfi runs inference)");
        if (Enumerable.Range(1, 4).Any(node.HasOutput))
            throw node.Refuse("the running-statistics outputs of training mode are not supported");
        node.Ignore("momentum");
        double epsilon = node.Float("epsilon", 1e-5f);
        var mean = node.RequireConstant(3, "mean").detach().clone();
        var variance = node.RequireConstant(4, "var").detach().clone();
        return new BatchNormNode(epsilon, node.Parameter(1, "scale"), node.Parameter(2, "bias"), mean, variance);
    }
}
