using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>ReduceMean, ReduceSum, ReduceSumSquare, ReduceMax, ReduceMin, ReduceProd over <c>axes</c> (every axis when none
/// are given), keeping reduced dimensions as 1 when <c>keepdims</c> (default 1). ReduceSum takes its axes from an input
/// from opset 13 on, with <c>noop_with_empty_axes</c>; the others from opset 18 on.</summary>
[OnnxOperator("ReduceMean")]
[OnnxOperator("ReduceSum")]
[OnnxOperator("ReduceSumSquare")]
[OnnxOperator("ReduceMax")]
[OnnxOperator("ReduceMin")]
[OnnxOperator("ReduceProd")]
internal sealed class ReduceConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        bool axesInput = node.Opset >= (node.OpType == "ReduceSum" ? 13 : 18);
        long[]? attribute = axesInput ? null : node.Ints("axes");
        bool keep = node.Int("keepdims", 1) != 0;
        bool noop = axesInput && node.Int("noop_with_empty_axes", 0) != 0;
        string op = node.OpType;
        return LambdaNode.Of(op, inputs =>
        {
            var x = inputs[0]!;
            long[]? given = axesInput ? (inputs.Count > 1 && inputs[1] is { } t ? RuntimeInts.Of(t) : null) : attribute;
            if (given is null || given.Length == 0)
            {
                if (noop) return x.alias();
                given = [.. Enumerable.Range(0, (int)x.dim()).Select(i => (long)i)];
            }
            long[] axes = [.. RuntimeInts.Axes(given, x.dim()).Distinct().Order()];
            return axes.Length == 0 ? Reduce(op, x.alias(), [], keep) : Reduce(op, x, axes, keep);
        });
    }

    private static Tensor Reduce(string op, Tensor x, long[] axes, bool keep)
    {
        if (axes.Length == 0) return op == "ReduceSumSquare" ? x * x : x.alias();
        return op switch
        {
            "ReduceMean" when is_integral(x.dtype) =>
                x.sum(axes, keep, ScalarType.Int64).div(Count(x, axes), RoundingMode.trunc).to_type(x.dtype),
            "ReduceMean" => x.mean(axes, keep),
            "ReduceSum" => x.sum(axes, keep, x.dtype),
            "ReduceSumSquare" => (x * x).sum(axes, keep, x.dtype),
            "ReduceMax" => x.amax(axes, keep),
            "ReduceMin" => x.amin(axes, keep),
            _ => Product(x, axes, keep),
        };
    }

    private static long Count(Tensor x, long[] axes) => axes.Aggregate(1L, (p, a) => p * x.shape[a]);

    // torch's prod reduces one dimension at a time: from the last, so that the remaining indices stay valid.
    private static Tensor Product(Tensor x, long[] axes, bool keep)
    {
        var result = x.alias();
        foreach (long a in axes.Reverse())
        {
            var next = result.prod(a, keep, x.dtype);
            result.Dispose();
            result = next;
        }
        return result;
    }
}
