using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Softmax and LogSoftmax. From opset 13 along one <c>axis</c> (default −1); before 13 the input is viewed as 2-D,
/// [product of the dimensions before <c>axis</c> (default 1), product of the rest], and normalised over whole rows.</summary>
[OnnxOperator("Softmax")]
[OnnxOperator("LogSoftmax")]
internal sealed class SoftmaxConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        bool log = node.OpType == "LogSoftmax";
        bool coerce = node.Opset < 13;
        long axis = node.Int("axis", coerce ? 1 : -1);
        return LambdaNode.Unary(node.OpType, x =>
        {
            long a = RuntimeInts.Axis(axis, Math.Max(x.dim(), 1));
            if (!coerce) return log ? x.log_softmax(a) : x.softmax(a);
            long rows = x.shape[..(int)a].Aggregate(1L, (p, d) => p * d);
            using var flat = x.reshape(rows, -1);
            using var normalised = log ? flat.log_softmax(1) : flat.softmax(1);
            return normalised.reshape(x.shape);
        });
    }
}
