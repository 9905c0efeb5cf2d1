using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Running minimum and maximum of every value seen (golden runs included, as in MRFI).</summary>
[MrfiComponent("MinMax")]
public sealed class MinMaxObserver : IObserver
{
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    /// <inheritdoc />
    public void Reset()
    {
        _min = double.PositiveInfinity;
        _max = double.NegativeInfinity;
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        if (value.numel() == 0) return;
        using var min = value.min();
        using var max = value.max();
        _min = Math.Min(_min, min.to_type(ScalarType.Float64).item<double>());
        _max = Math.Max(_max, max.to_type(ScalarType.Float64).item<double>());
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() => [new("min", _min), new("max", _max)];
}
