using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Mean absolute error between faulty and golden tensors (mean over batches of mean |x-g|).</summary>
[MrfiComponent("MAE")]
public sealed class MaeObserver : GoldenComparison
{
    /// <inheritdoc />
    protected override double Compare(Tensor faulty, Tensor golden) =>
        faulty.to_type(ScalarType.Float64).sub(golden.to_type(ScalarType.Float64)).abs().mean().item<double>();

    /// <inheritdoc />
    public override IReadOnlyList<ObserverMetric> Result() => [new("mae", MeanPerBatch())];
}
