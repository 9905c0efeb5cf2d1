using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Root-mean-square error between faulty and golden tensors: <c>sqrt(mean over batches of mean((x-g)²))</c>.</summary>
[MrfiComponent("RMSE")]
public sealed class RmseObserver : GoldenComparison
{
    /// <inheritdoc />
    protected override double Compare(Tensor faulty, Tensor golden) =>
        faulty.to_type(ScalarType.Float64).sub(golden.to_type(ScalarType.Float64)).square().mean().item<double>();

    /// <inheritdoc />
    public override IReadOnlyList<ObserverMetric> Result() => [new("rmse", Math.Sqrt(MeanPerBatch()))];
}
