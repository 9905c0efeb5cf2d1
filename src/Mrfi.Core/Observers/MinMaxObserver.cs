using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Running minimum and maximum of every value seen in faulty runs; NaN before any value (MRFI: None).</summary>
[MrfiComponent("MinMax", Summary = "Running minimum and maximum of the values.")]
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
        if (CpuKernels.TryFloats(value, out var x))
        {
            _min = Math.Min(_min, TensorPrimitives.Min<float>(x));
            _max = Math.Max(_max, TensorPrimitives.Max<float>(x));
            return;
        }
        using var scope = torch.NewDisposeScope();
        _min = Math.Min(_min, value.min().to_type(ScalarType.Float64).item<double>());
        _max = Math.Max(_max, value.max().to_type(ScalarType.Float64).item<double>());
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() =>
        _min > _max ? [new("min", double.NaN), new("max", double.NaN)] : [new("min", _min), new("max", _max)];
}
