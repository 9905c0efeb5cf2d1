using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Integer inputs read at run time (axes, shapes, starts, repeats): with a dynamic batch they are computed by the
/// graph (Shape → Gather → Concat), so the converters read them from the tensor they get, not at load.</summary>
internal static class RuntimeInts
{
    /// <summary>The values of an integer tensor (any integer dtype, any rank) as longs.</summary>
    public static long[] Of(Tensor t)
    {
        if (t.dtype == ScalarType.Int64) return t.contiguous().data<long>().ToArray();
        using var longs = t.to_type(ScalarType.Int64);
        return longs.contiguous().data<long>().ToArray();
    }

    /// <summary>An axis in [-rank, rank) made non-negative; throws <see cref="OnnxNodeException"/> when it is out of range.</summary>
    public static long Axis(long axis, long rank)
    {
        if (axis < -rank || axis >= rank)
            throw new OnnxNodeException($"axis {axis} is out of range for a tensor of rank {rank}");
        return axis < 0 ? axis + rank : axis;
    }

    /// <summary><see cref="Axis"/> for each axis of a list.</summary>
    public static long[] Axes(IEnumerable<long> axes, long rank) => [.. axes.Select(a => Axis(a, rank))];
}
