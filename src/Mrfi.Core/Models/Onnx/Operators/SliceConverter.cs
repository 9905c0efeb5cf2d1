using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Slice: <c>starts</c>, <c>ends</c>, <c>axes</c> as attributes before opset 10, as inputs (with <c>steps</c>,
/// negative ones included) from 10. Starts and ends are clamped as ONNX says, so INT64_MAX means "to the end".</summary>
[OnnxOperator("Slice")]
internal sealed class SliceConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        if (node.Opset < 10)
        {
            long[] starts = node.Ints("starts") ?? throw node.Refuse("the attribute starts is missing");
            long[] ends = node.Ints("ends") ?? throw node.Refuse("the attribute ends is missing");
            long[]? axes = node.Ints("axes");
            return LambdaNode.Unary("Slice", x => Slice(x, starts, ends, axes, null));
        }
        return LambdaNode.Of("Slice", inputs => Slice(inputs[0]!, RuntimeInts.Of(inputs[1]!), RuntimeInts.Of(inputs[2]!),
            Optional(inputs, 3), Optional(inputs, 4)));
    }

    private static long[]? Optional(IReadOnlyList<Tensor?> inputs, int index) =>
        inputs.Count > index && inputs[index] is { } t ? RuntimeInts.Of(t) : null;

    private static Tensor Slice(Tensor x, long[] starts, long[] ends, long[]? axes, long[]? steps)
    {
        axes ??= [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)];
        if (ends.Length != starts.Length || axes.Length != starts.Length || (steps is not null && steps.Length != starts.Length))
            throw new OnnxNodeException("starts, ends, axes and steps of Slice differ in length");
        var result = x.alias();
        for (int i = 0; i < starts.Length; i++)
        {
            long axis = RuntimeInts.Axis(axes[i], x.dim());
            long step = steps?[i] ?? 1;
            var next = SliceAxis(result, axis, starts[i], ends[i], step);
            result.Dispose();
            result = next;
        }
        return result;
    }

    private static Tensor SliceAxis(Tensor x, long axis, long start, long end, long step)
    {
        if (step == 0) throw new OnnxNodeException("Slice with step 0");
        long size = x.shape[axis];
        if (size == 0) return x.alias();
        if (start < 0) start += size;
        if (end < 0) end += size;
        if (step > 0)
        {
            start = Math.Clamp(start, 0, size);
            end = Math.Clamp(end, 0, size);
            return end <= start ? x.narrow(axis, start, 0) : x.slice(axis, start, end, step);
        }
        start = Math.Clamp(start, 0, size - 1);
        end = Math.Clamp(end, -1, size - 1);
        long count = start > end ? (start - end - 1) / -step + 1 : 0;
        using var indices = arange(start, start + count * step, step, dtype: ScalarType.Int64);
        return x.index_select(axis, indices);
    }
}
