using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Running maximum of |x| (e.g. to calibrate a quantizer's dynamic range); NaN before any value (MRFI: None).</summary>
[MrfiComponent("MaxAbs", Summary = "Running maximum of |x|.")]
public sealed class MaxAbsObserver : IObserver
{
    private double _max = double.NegativeInfinity;

    /// <inheritdoc />
    public void Reset() => _max = double.NegativeInfinity;

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        if (value.numel() == 0) return;
        if (CpuKernels.TryFloats(value, out var x))
        {
            _max = Math.Max(_max, MathF.Abs(TensorPrimitives.MaxMagnitude<float>(x)));
            return;
        }
        using var scope = torch.NewDisposeScope();
        _max = Math.Max(_max, value.abs().max().to_type(ScalarType.Float64).item<double>());
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() => [new("max_abs", _max < 0 ? double.NaN : _max)];
}
