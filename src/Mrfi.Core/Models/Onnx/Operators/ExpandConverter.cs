using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Expand (8–17): broadcasts the input against the shape input in both directions (a 1 in the shape keeps the
/// input's size, and the shape may have fewer dimensions than the input), unlike torch's one-way <c>expand</c>.</summary>
[OnnxOperator("Expand", SinceOpset = 8)]
internal sealed class ExpandConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) =>
        LambdaNode.Of("Expand", inputs => Expand(inputs[0]!, RuntimeInts.Of(inputs[1]!)));

    private static Tensor Expand(Tensor x, long[] shape)
    {
        int rank = Math.Max((int)x.dim(), shape.Length);
        var target = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long a = i - (rank - x.dim()) is var xi && xi >= 0 ? x.shape[xi] : 1;
            long b = i - (rank - shape.Length) is var si && si >= 0 ? shape[si] : 1;
            if (a != b && a != 1 && b != 1)
                throw new OnnxNodeException($"cannot broadcast an input of shape [{string.Join(",", x.shape)}] to " +
                    $"[{string.Join(",", shape)}]");
            target[i] = a == 1 ? b : a;
        }
        return x.expand(target);
    }
}
