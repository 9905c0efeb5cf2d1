using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Root-mean-square error of faulty against golden outputs.</summary>
[MrfiComponent("RMSE", Summary = "Root-mean-square error of faulty against golden outputs.")]
public sealed class RmseObserver : GoldenComparison
{
    /// <summary>Creates the observer.</summary>
    /// <param name="mrfiCompat">Average per-batch values without weights, as MRFI does.</param>
    public RmseObserver(bool mrfiCompat = false) : base(mrfiCompat) { }

    /// <inheritdoc />
    protected override double Compare(Tensor faulty, Tensor golden) =>
        faulty.to_type(ScalarType.Float64).sub(golden.to_type(ScalarType.Float64)).square().mean().item<double>();

    /// <inheritdoc />
    private protected override double? Compare(ReadOnlySpan<float> faulty, ReadOnlySpan<float> golden) =>
        SpanReductions.SumOfDifferences(faulty, golden, squared: true) / faulty.Length;

    /// <inheritdoc />
    public override IReadOnlyList<ObserverMetric> Result() => [new("rmse", Math.Sqrt(Mean()))];
}
