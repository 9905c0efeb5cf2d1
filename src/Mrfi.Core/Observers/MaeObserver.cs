using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Mean absolute error of faulty against golden outputs.</summary>
[MrfiComponent("MAE", Summary = "Mean absolute error of faulty against golden outputs.")]
public sealed class MaeObserver : GoldenComparison
{
    /// <summary>Creates the observer.</summary>
    /// <param name="mrfiCompat">Average per-batch values without weights, as MRFI does.</param>
    public MaeObserver(bool mrfiCompat = false) : base(mrfiCompat) { }

    /// <inheritdoc />
    protected override double Compare(Tensor faulty, Tensor golden) =>
        faulty.to_type(ScalarType.Float64).sub(golden.to_type(ScalarType.Float64)).abs().mean().item<double>();

    /// <inheritdoc />
    private protected override double? Compare(ReadOnlySpan<float> faulty, ReadOnlySpan<float> golden) =>
        SpanReductions.SumOfDifferences(faulty, golden, squared: false) / faulty.Length;

    /// <inheritdoc />
    public override IReadOnlyList<ObserverMetric> Result() => [new("mae", Mean())];
}
