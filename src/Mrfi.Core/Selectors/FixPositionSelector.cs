using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Always selects the same element: a flat index (one number) or a coordinate (one number per dimension).</summary>
/// <remarks>A fixed position gives the same fault in every forward, i.e. a permanent fault.</remarks>
[MrfiComponent("FixPosition", Summary = "Always the same element: a flat index or one coordinate per dimension (a permanent fault).")]
public sealed class FixPositionSelector : ISelector, IExpectedFaults
{
    /// <summary>Creates the selector.</summary>
    /// <param name="position">A flat index, or a coordinate with one entry per tensor dimension.</param>
    public FixPositionSelector(long[] position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Length == 0) throw new ArgumentException("position must not be empty", nameof(position));
        Position = position;
    }

    /// <summary>The configured position.</summary>
    public IReadOnlyList<long> Position { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        long flat = Shapes.Flatten(shape, Position);
        return torch.tensor(new[] { flat }, dtype: ScalarType.Int64);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => 1;
}
