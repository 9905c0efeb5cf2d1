using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Mean of |x| over every element seen (MRFI: unweighted mean of per-batch means, with <c>mrfi_compat</c>).</summary>
[MrfiComponent("MeanAbs", Summary = "Mean of |x| over all elements (mrfi_compat: MRFI's unweighted per-batch mean).")]
public sealed class MeanAbsObserver : IObserver
{
    private readonly RunningSums _sums = new();

    /// <summary>Creates the observer.</summary>
    /// <param name="mrfiCompat">Average per-batch means without weights, as MRFI does.</param>
    public MeanAbsObserver(bool mrfiCompat = false) => MrfiCompat = mrfiCompat;

    /// <summary>Whether MRFI's averaging is used.</summary>
    public bool MrfiCompat { get; }

    /// <inheritdoc />
    public void Reset() => _sums.Reset();

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        if (CpuKernels.TryFloats(value, out var x))
        {
            _sums.Add(SpanReductions.SumOfMagnitudes(x), 0, x.Length);
            return;
        }
        using var scope = torch.NewDisposeScope();
        _sums.Add(value.to_type(ScalarType.Float64).abs().sum().item<double>(), 0, value.numel());
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() => [new("mean_abs", MrfiCompat ? _sums.MeanOfBatchMeans() : _sums.Mean())];
}
