using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Share of elements exactly equal in faulty and golden outputs (1 = unchanged).</summary>
[MrfiComponent("EqualRate", Summary = "Share of elements exactly equal in faulty and golden outputs (1 = unchanged).")]
public sealed class EqualRateObserver : GoldenComparison
{
    /// <summary>Creates the observer.</summary>
    /// <param name="mrfiCompat">Average per-batch values without weights, as MRFI does.</param>
    public EqualRateObserver(bool mrfiCompat = false) : base(mrfiCompat) { }

    /// <inheritdoc />
    protected override double Compare(Tensor faulty, Tensor golden) => faulty.eq(golden).sum().item<long>() / (double)faulty.numel();

    /// <inheritdoc />
    private protected override double? Compare(ReadOnlySpan<float> faulty, ReadOnlySpan<float> golden) =>
        SpanReductions.CountEqual(faulty, golden) / (double)faulty.Length;

    /// <inheritdoc />
    public override IReadOnlyList<ObserverMetric> Result() => [new("equal_rate", Mean())];
}
