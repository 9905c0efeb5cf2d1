using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Unsqueeze: inserts size-1 dimensions at <c>axes</c> of the output (an attribute before opset 13, an input from
/// 13; negative axes count from the output's end).</summary>
[OnnxOperator("Unsqueeze")]
internal sealed class UnsqueezeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long[]? attribute = node.Opset < 13 ? node.Ints("axes") ?? throw node.Refuse("the attribute axes is missing") : null;
        return LambdaNode.Of("Unsqueeze", inputs =>
        {
            var x = inputs[0]!;
            long[] axes = attribute ?? RuntimeInts.Of(inputs[1] ?? throw new OnnxNodeException("the input axes is missing"));
            int rank = (int)x.dim() + axes.Length;
            var added = RuntimeInts.Axes(axes, rank).ToHashSet();
            if (added.Count != axes.Length) throw new OnnxNodeException($"axes [{string.Join(",", axes)}] repeat an axis");
            var shape = new long[rank];
            int next = 0;
            for (int i = 0; i < rank; i++) shape[i] = added.Contains(i) ? 1 : x.shape[next++];
            return x.reshape(shape);
        });
    }
}
