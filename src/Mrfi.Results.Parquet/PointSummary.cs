using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Core.Statistics;
using Mrfi.Results.Schema;
using P = Mrfi.Results.Schema.PointColumns;

namespace Mrfi.Results.Parquet;

/// <summary>points.parquet: one row per sweep point — the mean accuracy and the mean SDC, critical-SDC, DUE and masked rates
/// over its trials, each with a t-interval across the trials (trials.parquet keeps each trial's own Wilson interval).</summary>
internal static class PointSummary
{
    /// <summary>A point's trials with their statistics, each computed once.</summary>
    private sealed record Row(int Point, SweepValues Sweep, IReadOnlyList<TrialRecord> Trials)
    {
        public long Samples { get; } = Trials.Sum(t => t.Total);

        public (double Estimate, double Low, double High) Accuracy { get; } = PointStatistics.Accuracy(Trials);

        public Dictionary<string, (double Estimate, double Low, double High)> Rates { get; } =
            PointStatistics.Outcomes.ToDictionary(o => o.Name, o => PointStatistics.Rate(Trials, o.Count));
    }

    public static Task WriteAsync(string path, IReadOnlyList<string> sweepNames, IReadOnlyList<TrialRecord> trials)
    {
        var rows = trials.GroupBy(t => t.Point).OrderBy(g => g.Key).Select(g => new Row(g.Key, g.First().Sweep, [.. g])).ToList();
        var columns = new ColumnSet<Row>(P.Table, sweepNames).Int(P.Point, r => r.Point);
        Tables.SweepColumns(columns, sweepNames, rows, r => r.Sweep);
        columns.Long(P.Trials, r => r.Trials.Count).Long(P.Samples, r => r.Samples)
            .Double(P.GoldenAccuracy, r => r.Trials[0].GoldenAccuracy)
            .Double(P.AccuracyMean, r => r.Accuracy.Estimate)
            .Double(P.AccuracyTLow, r => r.Accuracy.Low)
            .Double(P.AccuracyTHigh, r => r.Accuracy.High)
            .Double(P.FaultsMean, r => r.Trials.Average(t => (double)t.Faults));
        foreach (var (name, _) in PointStatistics.Outcomes)
        {
            // Critical SDCs need labels: NaN for [model] output = "tensor", as in trials.parquet.
            bool Applies(Row r) => name != TrialColumns.CriticalSdcRate || r.Trials[0].Classifies;
            columns.Double(name, r => Applies(r) ? r.Rates[name].Estimate : double.NaN);
            columns.Double(Interval.Low(name), r => Applies(r) ? r.Rates[name].Low : double.NaN);
            columns.Double(Interval.High(name), r => Applies(r) ? r.Rates[name].High : double.NaN);
        }
        return columns.WriteAsync(path, rows);
    }
}
