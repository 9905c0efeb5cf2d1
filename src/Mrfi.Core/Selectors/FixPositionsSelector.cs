using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Always selects the same elements: flat indices (<c>[1, 5, 7]</c>) or, as in MRFI, one coordinate list per
/// dimension (<c>[[0, 1], [2, 3]]</c> on a 2-D tensor selects (0,2) and (1,3)). An empty list selects nothing, as in MRFI:
/// a no-fault control run (the entry still quantizes), like <see cref="EmptySelector"/>.</summary>
[MrfiComponent("FixPositions", Summary = "Fixed elements: flat indices, or one coordinate list per dimension (MRFI's layout).")]
public sealed class FixPositionsSelector : ISelector, IExpectedFaults
{
    private readonly long[][] _positions;

    /// <summary>Creates the selector.</summary>
    /// <param name="positions">Flat indices, or one list of coordinates per dimension; empty for none.</param>
    public FixPositionsSelector(long[][] positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Length > 1 && positions.Any(p => p.Length != positions[0].Length))
            throw new ArgumentException("per-dimension coordinate lists must all have the same length", nameof(positions));
        _positions = positions.Length == 0 ? [[]] : positions;
    }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        long[] flat;
        if (_positions.Length == 1) flat = [.. _positions[0].Select(p => Shapes.Flatten(shape, [p]))];
        else if (_positions.Length == shape.Length)
            flat = [.. Enumerable.Range(0, _positions[0].Length).Select(i => Shapes.Flatten(shape, [.. _positions.Select(d => d[i])]))];
        else throw new ArgumentException(
            $"positions has {_positions.Length} coordinate lists but the tensor has shape [{string.Join(", ", shape)}]; give flat " +
            $"indices or one list per dimension", "positions");
        return torch.tensor(flat, dtype: ScalarType.Int64);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => _positions[0].Length;
}
