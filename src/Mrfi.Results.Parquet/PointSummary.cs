using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Core.Statistics;

namespace Mrfi.Results.Parquet;

/// <summary>points.parquet: one row per sweep point — the mean accuracy over its repeats with a t-interval, and the pooled
/// SDC, DUE and masked rates over all its samples with Wilson intervals.</summary>
internal static class PointSummary
{
    /// <summary>A point's trials with their statistics, each computed once.</summary>
    private sealed record Row(int Point, SweepValues Sweep, IReadOnlyList<TrialRecord> Trials)
    {
        public long Samples { get; } = Trials.Sum(t => t.Total);

        public (double Estimate, double Low, double High) Accuracy { get; } = PointStatistics.Accuracy(Trials);

        public Dictionary<string, (double Estimate, double Low, double High)> Rates { get; } =
            Outcomes.ToDictionary(o => o.Name, o => PointStatistics.Pooled(Trials, o.Count));
    }

    private static readonly (string Name, Func<TrialRecord, long> Count)[] Outcomes =
        [("sdc_rate", t => t.Sdc), ("critical_sdc_rate", t => t.CriticalSdc), ("due_rate", t => t.Due), ("masked_rate", t => t.Masked)];

    public static Task WriteAsync(string path, IReadOnlyList<string> sweepNames, IReadOnlyList<TrialRecord> trials)
    {
        var rows = trials.GroupBy(t => t.Point).OrderBy(g => g.Key).Select(g => new Row(g.Key, g.First().Sweep, [.. g])).ToList();
        var columns = new ColumnSet<Row>(("points.parquet", ResultColumns.Points), sweepNames).Int("point", r => r.Point);
        Tables.SweepColumns(columns, sweepNames, rows, r => r.Sweep);
        columns.Long("trials", r => r.Trials.Count).Long("samples", r => r.Samples)
            .Double("golden_accuracy", r => r.Trials[0].GoldenAccuracy)
            .Double("accuracy_mean", r => r.Accuracy.Estimate)
            .Double("accuracy_t_low", r => r.Accuracy.Low)
            .Double("accuracy_t_high", r => r.Accuracy.High)
            .Double("faults_mean", r => r.Trials.Average(t => (double)t.Faults));
        foreach (var (name, _) in Outcomes)
        {
            columns.Double(name, r => r.Rates[name].Estimate);
            columns.Double($"{name}_low", r => r.Rates[name].Low);
            columns.Double($"{name}_high", r => r.Rates[name].High);
        }
        return columns.WriteAsync(path, rows);
    }
}
