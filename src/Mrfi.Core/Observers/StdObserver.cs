using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Population standard deviation of every element seen. MRFI's Std is sqrt(mean of per-batch mean(x²)), i.e. the
/// RMS assuming zero mean; <c>mrfi_compat = true</c> reproduces it.</summary>
[MrfiComponent("Std", Summary = "Standard deviation over all elements (mrfi_compat: MRFI's zero-mean RMS of per-batch means).")]
public sealed class StdObserver : IObserver
{
    private readonly RunningSums _sums = new();

    /// <summary>Creates the observer.</summary>
    /// <param name="mrfiCompat">Use MRFI's formula.</param>
    public StdObserver(bool mrfiCompat = false) => MrfiCompat = mrfiCompat;

    /// <summary>Whether MRFI's formula is used.</summary>
    public bool MrfiCompat { get; }

    /// <inheritdoc />
    public void Reset() => _sums.Reset();

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        if (CpuKernels.TryFloats(value, out var values))
        {
            var (sum, squares) = SpanReductions.SumAndSquares(values);
            _sums.Add(sum, squares, values.Length);
            return;
        }
        using var scope = torch.NewDisposeScope();
        var x = value.to_type(ScalarType.Float64);
        _sums.Add(x.sum().item<double>(), x.square().sum().item<double>(), value.numel());
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result()
    {
        if (MrfiCompat) return [new("std", Math.Sqrt(_sums.MeanOfBatchMeanSquares()))];
        double mean = _sums.Mean();
        return [new("std", Math.Sqrt(Math.Max(0, _sums.MeanSquare() - mean * mean)))];
    }
}
