using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Counts NaN and ±Inf values (and all values) seen in faulty runs: how often faults produce invalid numbers.</summary>
[MrfiComponent("NaNInfCount", Summary = "Counts NaN and ±Inf values in faulty runs.")]
public sealed class NaNInfCountObserver : IObserver
{
    private long _nan, _inf, _total;

    /// <inheritdoc />
    public void Reset() => _nan = _inf = _total = 0;

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        if (CpuKernels.TryFloats(value, out var x))
        {
            var (nan, infinite) = SpanReductions.CountNaNAndInfinite(x);
            _nan += nan;
            _inf += infinite;
            _total += x.Length;
            return;
        }
        using var scope = torch.NewDisposeScope();
        _nan += value.isnan().sum().item<long>();
        _inf += value.isinf().sum().item<long>();
        _total += value.numel();
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() => [new("nan", _nan), new("inf", _inf), new("values", _total)];
}
