using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Squeeze: removes the size-1 dimensions <c>axes</c> (an attribute before opset 13, an optional input from 13),
/// or every size-1 dimension when none are given.</summary>
[OnnxOperator("Squeeze")]
internal sealed class SqueezeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long[]? attribute = node.Opset < 13 ? node.Ints("axes") : null;
        return LambdaNode.Of("Squeeze", inputs =>
        {
            var x = inputs[0]!;
            long[]? axes = attribute ?? (inputs.Count > 1 && inputs[1] is { } t ? RuntimeInts.Of(t) : null);
            if (axes is null) return x.reshape([.. x.shape.Where(d => d != 1)]);
            var drop = RuntimeInts.Axes(axes, x.dim()).ToHashSet();
            foreach (long a in drop)
                if (x.shape[a] != 1) throw new OnnxNodeException($"cannot squeeze axis {a} of size {x.shape[a]}");
            return x.reshape([.. x.shape.Where((_, i) => !drop.Contains(i))]);
        });
    }
}
