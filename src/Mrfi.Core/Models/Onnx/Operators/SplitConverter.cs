using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Split along <c>axis</c> into the sizes <c>split</c> (an attribute before opset 13, an optional input from 13),
/// or into as many equal parts as the node has outputs.</summary>
[OnnxOperator("Split", UntilOpset = 17)] // 18 adds num_outputs
internal sealed class SplitConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long axis = node.Int("axis", 0);
        long[]? attribute = node.Opset < 13 ? node.Ints("split") : null;
        int parts = node.OutputCount;
        return new LambdaNode("Split", inputs =>
        {
            var x = inputs[0]!;
            long a = RuntimeInts.Axis(axis, x.dim());
            long[]? sizes = attribute ?? (inputs.Count > 1 && inputs[1] is { } t ? RuntimeInts.Of(t) : null);
            if (sizes is null)
            {
                if (x.shape[a] % parts != 0)
                    throw new OnnxNodeException($"cannot split an axis of size {x.shape[a]} into {parts} equal parts");
                sizes = [.. Enumerable.Repeat(x.shape[a] / parts, parts)];
            }
            if (sizes.Length != parts || sizes.Sum() != x.shape[a])
                throw new OnnxNodeException($"split [{string.Join(",", sizes)}] does not cut an axis of size {x.shape[a]} into {parts} " +
                    $"outputs");
            return x.split(sizes, a);
        });
    }
}
