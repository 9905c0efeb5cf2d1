using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>The shape of the last tensor seen: one row per dimension (metric <c>size</c>, index = dimension); before any
/// tensor, one <c>size</c> row of NaN without an index (MRFI: None).</summary>
[MrfiComponent("Shape", Summary = "Shape of the last tensor seen (one row per dimension).")]
public sealed class ShapeObserver : IObserver
{
    private long[]? _shape;

    /// <inheritdoc />
    public void Reset() => _shape = null;

    /// <inheritdoc />
    public void Update(Tensor value) => _shape = value.shape;

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() =>
        _shape is null ? [new("size", double.NaN)] : [.. _shape.Select((s, i) => new ObserverMetric("size", s, i))];
}
