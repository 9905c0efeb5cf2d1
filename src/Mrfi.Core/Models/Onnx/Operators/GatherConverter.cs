using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Gather along <c>axis</c> with indices of any shape (a scalar index drops the axis, negative indices count
/// from the end): embeddings (a constant float table on axis 0 becomes an <see cref="EmbeddingNode"/>) and the picking of one dimension out
/// of a Shape.</summary>
[OnnxOperator("Gather")]
internal sealed class GatherConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long axis = node.Int("axis", 0);
        // An embedding table: a Parameter, so that weight faults reach it; the graph hooks the indices.
        if (node.Constant(0) is { } table && table.is_floating_point() && table.dim() > 0 && RuntimeInts.Axis(axis, table.dim()) == 0)
            return new EmbeddingNode(node.Parameter(0, "embedding table"));
        return LambdaNode.Of("Gather", inputs => Gather(inputs[0]!, inputs[1]!, axis));
    }

    /// <summary>ONNX Gather of <paramref name="indices"/> along <paramref name="axis"/> of <paramref name="data"/>.</summary>
    internal static Tensor Gather(Tensor data, Tensor indices, long axis)
    {
        long a = RuntimeInts.Axis(axis, data.dim());
        long size = data.shape[a];
        using var scope = NewDisposeScope();
        var flat = indices.to_type(ScalarType.Int64).reshape(-1);
        if (flat.numel() > 0 && (flat.min().item<long>() < -size || flat.max().item<long>() >= size))
            throw new OnnxNodeException($"Gather index out of range for an axis of size {size}");
        flat = where(flat < 0, flat + size, flat);
        long[] shape = [.. data.shape[..(int)a], .. indices.shape, .. data.shape[(int)(a + 1)..]];
        return data.index_select(a, flat).reshape(shape).MoveToOuterDisposeScope();
    }
}
