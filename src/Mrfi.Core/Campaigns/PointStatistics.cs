using Mrfi.Core.Statistics;

namespace Mrfi.Core.Campaigns;

/// <summary>The statistics of one sweep point's trials, as points.parquet and the gates use them: accuracy as the mean over
/// repeats with a t-interval, outcome rates pooled over all samples with Wilson intervals.</summary>
public static class PointStatistics
{
    /// <summary>Mean accuracy over the trials and its t-interval at <paramref name="confidence"/> (NaN bounds with one trial).</summary>
    public static (double Estimate, double Low, double High) Accuracy(IReadOnlyList<TrialRecord> trials, double confidence = 0.95) =>
        Intervals.MeanT([.. trials.Select(t => t.Accuracy)], confidence);

    /// <summary>The rate of <paramref name="count"/> over all samples of the trials and its Wilson interval at <paramref name="confidence"/>.</summary>
    public static (double Estimate, double Low, double High) Pooled(IReadOnlyList<TrialRecord> trials, Func<TrialRecord, long> count, double confidence = 0.95)
    {
        long samples = trials.Sum(t => t.Total);
        long hits = trials.Sum(count);
        var (low, high) = Intervals.Wilson(hits, samples, Intervals.Z(confidence));
        return (samples == 0 ? double.NaN : hits / (double)samples, low, high);
    }
}
