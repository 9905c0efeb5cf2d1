using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Core.Statistics;

namespace Mrfi.Results.Parquet;

/// <summary>points.parquet: one row per sweep point — the mean accuracy over its repeats with a t-interval, and the pooled
/// SDC, DUE and masked rates over all its samples with Wilson intervals.</summary>
internal static class PointSummary
{
    private sealed record Row(int Point, SweepValues Sweep, IReadOnlyList<TrialRecord> Trials)
    {
        public long Samples => Trials.Sum(t => t.Total);
    }

    public static Task WriteAsync(string path, IReadOnlyList<string> sweepNames, IReadOnlyList<TrialRecord> trials)
    {
        var rows = trials.GroupBy(t => t.Point).OrderBy(g => g.Key).Select(g => new Row(g.Key, g.First().Sweep, [.. g])).ToList();
        var columns = new ColumnSet<Row>().Int("point", r => r.Point);
        Tables.SweepColumns(columns, sweepNames, rows, r => r.Sweep);
        columns.Long("trials", r => r.Trials.Count).Long("samples", r => r.Samples)
            .Double("golden_accuracy", r => r.Trials[0].GoldenAccuracy)
            .Double("accuracy_mean", r => Intervals.MeanT([.. r.Trials.Select(t => t.Accuracy)]).Mean)
            .Double("accuracy_t_low", r => Intervals.MeanT([.. r.Trials.Select(t => t.Accuracy)]).Low)
            .Double("accuracy_t_high", r => Intervals.MeanT([.. r.Trials.Select(t => t.Accuracy)]).High)
            .Double("faults_mean", r => r.Trials.Average(t => (double)t.Faults));
        Pooled(columns, "sdc_rate", t => t.Sdc);
        Pooled(columns, "critical_sdc_rate", t => t.CriticalSdc);
        Pooled(columns, "due_rate", t => t.Due);
        Pooled(columns, "masked_rate", t => t.Masked);
        return columns.WriteAsync(path, rows);
    }

    private static void Pooled(ColumnSet<Row> columns, string name, Func<TrialRecord, long> count)
    {
        columns.Double(name, r => r.Trials.Sum(count) / (double)r.Samples);
        columns.Double($"{name}_low", r => Intervals.Wilson(r.Trials.Sum(count), r.Samples).Low);
        columns.Double($"{name}_high", r => Intervals.Wilson(r.Trials.Sum(count), r.Samples).High);
    }
}
