using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Shape as an int64 vector, optionally sliced by <c>start</c>/<c>end</c> (opset 15).</summary>
[OnnxOperator("Shape")]
internal sealed class ShapeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long start = node.Int("start", 0);
        long? end = node.Has("end") ? node.Int("end", 0) : null;
        return LambdaNode.Unary("Shape", x =>
        {
            long rank = x.dim();
            long Clamp(long v) => Math.Clamp(v < 0 ? v + rank : v, 0, rank);
            long from = Clamp(start), to = Clamp(end ?? rank);
            return torch.tensor(x.shape[(int)from..(int)Math.Max(from, to)]);
        });
    }
}
