namespace Mrfi.Core.Selectors;

/// <summary>Shape arithmetic shared by selectors.</summary>
internal static class Shapes
{
    public static long Numel(long[] shape)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        return n;
    }

    /// <summary>Row-major flat index of a position given as one flat index or a full coordinate (any number of dimensions).</summary>
    public static long Flatten(long[] shape, IReadOnlyList<long> position)
    {
        long numel = Numel(shape);
        string dims = $"[{string.Join(", ", shape)}]";
        if (position.Count == 1)
        {
            long p = position[0];
            if (p < 0 || p >= numel)
                throw new ArgumentOutOfRangeException(nameof(position),
                    $"position {p} is outside a tensor of shape {dims} ({numel} elements)");
            return p;
        }
        if (position.Count != shape.Length)
            throw new ArgumentException($"position has {position.Count} coordinates but the tensor has shape {dims} ({shape.Length} " +
                $"dimensions)", nameof(position));
        long flat = 0;
        for (int d = 0; d < shape.Length; d++)
        {
            if (position[d] < 0 || position[d] >= shape[d])
                throw new ArgumentOutOfRangeException(nameof(position),
                    $"coordinate {d} = {position[d]} is outside a tensor of shape {dims}");
            flat = flat * shape[d] + position[d];
        }
        return flat;
    }
}
