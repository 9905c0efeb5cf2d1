using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Share of elements exactly equal in faulty and golden tensors (1 = unchanged), averaged over batches.</summary>
[MrfiComponent("EqualRate")]
public sealed class EqualRateObserver : GoldenComparison
{
    /// <inheritdoc />
    protected override double Compare(Tensor faulty, Tensor golden) =>
        faulty.eq(golden).sum().item<long>() / (double)faulty.numel();

    /// <inheritdoc />
    public override IReadOnlyList<ObserverMetric> Result() => [new("equal_rate", MeanPerBatch())];
}
