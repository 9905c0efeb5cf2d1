using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Draws positions whose coordinate in each dimension is uniform over that dimension's allowed indices, for tensors of any
/// rank.</summary>
internal static class DimensionSampler
{
    /// <summary>n flat row-major indices; an empty allowed set gives no positions (with a warning, as MRFI).</summary>
    public static Tensor Sample(long[] shape, long[]?[] allowed, long n, Generator generator)
    {
        if (n <= 0 || allowed.Any(a => a is { Length: 0 }))
        {
            if (n > 0) Serilog.Log.Warning("selector: a dimension has no allowed index; no fault is injected");
            return torch.empty(0, dtype: ScalarType.Int64);
        }
        var flat = torch.zeros(n, dtype: ScalarType.Int64);
        for (int d = 0; d < shape.Length; d++)
        {
            using var coordinate = Coordinate(shape[d], allowed[d], n, generator);
            flat.mul_(shape[d]).add_(coordinate);
        }
        return flat;
    }

    /// <summary>Fraction of the tensor the allowed sets cover: Π |allowed_d| / size_d.</summary>
    public static double Coverage(long[] shape, long[]?[] allowed) =>
        Enumerable.Range(0, shape.Length).Aggregate(1.0, (acc, d) => allowed[d] is { } a ? acc * a.Length / shape[d] : acc);

    private static Tensor Coordinate(long size, long[]? allowed, long n, Generator generator)
    {
        if (allowed is null) return torch.randint(0, size, [n], dtype: ScalarType.Int64, generator: generator);
        using var choice = torch.randint(0, allowed.Length, [n], dtype: ScalarType.Int64, generator: generator);
        using var values = torch.tensor(allowed, dtype: ScalarType.Int64);
        return values.index(choice);
    }
}
