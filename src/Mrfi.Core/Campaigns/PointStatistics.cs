using Mrfi.Core.Statistics;
using Mrfi.Results.Schema;

namespace Mrfi.Core.Campaigns;

/// <summary>The statistics of one sweep point's trials, as points.parquet, the gates and the sequential stop use them: every
/// number is a mean over the trials with a Student-t interval across them, because all images of a trial share its faults.</summary>
public static class PointStatistics
{
    /// <summary>Mean accuracy over the trials and its t-interval at <paramref name="confidence"/> (NaN bounds with one trial).</summary>
    public static (double Estimate, double Low, double High) Accuracy(IReadOnlyList<TrialRecord> trials, double confidence = 0.95) =>
        Intervals.MeanT([.. trials.Select(t => t.Accuracy)], confidence);

    /// <summary>The mean over the trials of each trial's rate <paramref name="count"/>/total, and its t-interval across the
    /// trials at <paramref name="confidence"/>, clipped to [0, 1] (NaN bounds with one trial). Not a Wilson interval over all
    /// samples: the images of a trial share its fault pattern, so they are not independent draws.</summary>
    public static (double Estimate, double Low, double High) Rate(IReadOnlyList<TrialRecord> trials, Func<TrialRecord, long> count,
        double confidence = 0.95) =>
        Intervals.RateT([.. trials.Select(t => t.Total == 0 ? double.NaN : count(t) / (double)t.Total)], confidence);

    /// <summary>The outcome rates of a point, in the column order of points.parquet.</summary>
    public static IReadOnlyList<(string Name, Func<TrialRecord, long> Count)> Outcomes { get; } =
        [(TrialColumns.SdcRate, t => t.Sdc), (TrialColumns.CriticalSdcRate, t => t.CriticalSdc), (TrialColumns.DueRate, t => t.Due),
            (TrialColumns.MaskedRate, t => t.Masked)];

    /// <summary>The widest half-width among the accuracy's and the outcome rates' intervals (NaN with one trial): the
    /// sequential stop waits until every number points.parquet reports is within its margin.</summary>
    public static double WidestHalfWidth(IReadOnlyList<TrialRecord> trials, double confidence)
    {
        var (_, low, high) = Accuracy(trials, confidence);
        double widest = (high - low) / 2;
        foreach (var (_, count) in Outcomes)
        {
            var (_, l, h) = Rate(trials, count, confidence);
            widest = Math.Max(widest, (h - l) / 2);
        }
        return double.IsNaN(low) ? double.NaN : widest;
    }
}
