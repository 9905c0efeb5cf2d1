using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Counts values in <c>bins</c> equal bins over [low, high) (metric <c>count</c>, index = bin), plus values below,
/// above and NaN; bin i covers [low + i·w, low + (i+1)·w) with w = (high - low) / bins, the last bin includes high.</summary>
[MrfiComponent("Histogram", Summary = "Counts values in fixed bins over [low, high], plus underflow, overflow and NaN.")]
public sealed class HistogramObserver : IObserver
{
    private readonly long[] _counts;
    private long _below, _above, _nan;

    /// <summary>Creates the observer.</summary>
    /// <param name="bins">Number of bins.</param>
    /// <param name="low">Lower edge.</param>
    /// <param name="high">Upper edge.</param>
    public HistogramObserver(int bins = 20, double low = -1, double high = 1)
    {
        if (bins is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be between 1 and 1000000");
        if (!(low < high)) throw new ArgumentException($"low ({low}) must be below high ({high})", nameof(low));
        Low = low;
        High = high;
        _counts = new long[bins];
    }

    /// <summary>Lower edge.</summary>
    public double Low { get; }

    /// <summary>Upper edge.</summary>
    public double High { get; }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_counts);
        _below = _above = _nan = 0;
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        if (CpuKernels.TryFloats(value, out var values))
        {
            SpanHistogram.Count(values, Low, High, _counts, ref _below, ref _above, ref _nan);
            return;
        }
        using var scope = torch.NewDisposeScope();
        var x = value.to_type(ScalarType.Float64).reshape(-1);
        _nan += x.isnan().sum().item<long>();
        _below += x.lt(Low).sum().item<long>();
        _above += x.gt(High).sum().item<long>();
        var inside = x.masked_select(x.ge(Low).logical_and(x.le(High)));
        int bins = _counts.Length;
        var bin = inside.sub(Low).mul_(bins / (High - Low)).floor_().clamp_(0, bins - 1).to_type(ScalarType.Int64);
        var counts = bin.bincount(null, bins).cpu().data<long>().ToArray();
        for (int i = 0; i < bins; i++) _counts[i] += counts[i];
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() =>
        [.. _counts.Select((c, i) => new ObserverMetric("count", c, i)), new("below", _below), new("above", _above), new("nan", _nan)];
}
