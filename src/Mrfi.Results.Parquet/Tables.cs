using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Core.Statistics;

namespace Mrfi.Results.Parquet;

/// <summary>The column layouts of trials.parquet and observers.parquet, shared by part files and merged files.</summary>
internal static class Tables
{
    /// <summary>trials.parquet for <paramref name="rows"/>: a sweep variable is a string column when the rows hold it as text
    /// (<c>format = "int8"</c>), a double column otherwise.</summary>
    public static ColumnSet<TrialRecord> Trials(IReadOnlyList<string> sweepNames, IReadOnlyCollection<TrialRecord> rows)
    {
        var trials = new ColumnSet<TrialRecord>(("trials.parquet", ResultColumns.Trials), sweepNames)
            .Long("trial", t => t.Trial).Int("point", t => t.Point).Int("repeat", t => t.Repeat).Long("seed", t => t.Seed);
        SweepColumns(trials, sweepNames, rows, t => t.Sweep);
        trials.Double("accuracy", t => t.Accuracy).Double("golden_accuracy", t => t.GoldenAccuracy).Double("float_accuracy", t => t.FloatAccuracy)
            .Long("correct", t => t.Correct).Long("total", t => t.Total).Long("changed", t => t.Changed).Long("faults", t => t.Faults)
            .Long("top5_correct", t => t.Top5Correct).Long("masked", t => t.Masked).Long("tolerable", t => t.Tolerable)
            .Long("sdc", t => t.Sdc).Long("critical_sdc", t => t.CriticalSdc).Long("due", t => t.Due);
        // Accuracy, top-5 and critical SDCs need class scores and labels: NaN for [model] output = "tensor".
        Rate(trials, "accuracy", t => t.Correct, withValue: false, classesOnly: true);
        Rate(trials, "top5_accuracy", t => t.Top5Correct, classesOnly: true);
        Rate(trials, "sdc_rate", t => t.Sdc);
        Rate(trials, "critical_sdc_rate", t => t.CriticalSdc, classesOnly: true);
        Rate(trials, "due_rate", t => t.Due);
        Rate(trials, "masked_rate", t => t.Masked);
        trials.Double("elapsed_s", t => t.ElapsedSeconds).Timestamp("finished_at", t => t.FinishedAt);
        // output_rmse: a list per trial, one RMSE per model output in graph order (manifest.json's "outputs" names them).
        return trials.String("output", t => t.Output).Double("rmse", t => t.Rmse).Double("max_deviation", t => t.MaxDeviation)
            .DoubleList("output_rmse", t => t.OutputRmse.Count > 0 ? t.OutputRmse : [t.Rmse]);
    }

    /// <summary>One column per sweep variable: strings for text variables, doubles (NaN where a row lacks it) for numbers.</summary>
    public static void SweepColumns<TRow>(ColumnSet<TRow> columns, IReadOnlyList<string> names, IReadOnlyCollection<TRow> rows, Func<TRow, SweepValues> sweep)
    {
        var texts = rows.SelectMany(r => sweep(r).Texts.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (texts.Contains(name)) columns.String(name, r => sweep(r).Texts.GetValueOrDefault(name)!);
            else columns.Double(name, r => sweep(r).GetValueOrDefault(name, double.NaN));
        }
    }

    public static ColumnSet<ObserverRecord> Observers() => new ColumnSet<ObserverRecord>()
        .Long("trial", o => o.Trial).String("layer", o => o.Layer).String("position", o => o.Position)
        .String("observer", o => o.Observer).String("metric", o => o.Metric).NullableLong("index", o => o.Index).NullableDouble("value", o => o.Value);

    public static ColumnSet<FaultRecord> Faults() => new ColumnSet<FaultRecord>()
        .Long("trial", f => f.Trial).Int("batch", f => f.Batch).String("layer", f => f.Layer).String("tensor", f => f.Tensor)
        .String("entry", f => f.Entry).Long("index", f => f.Index).String("coordinates", f => f.Coordinates).Long("bits", f => f.Bits)
        .Double("original", f => f.Original).Double("faulty", f => f.Faulty).NullableLong("original_int", f => f.OriginalInt).NullableLong("faulty_int", f => f.FaultyInt)
        .String("part", f => f.Part);

    /// <summary>A rate with its 95 % Wilson interval: columns name, name_low, name_high.</summary>
    private static void Rate(ColumnSet<TrialRecord> columns, string name, Func<TrialRecord, long> successes, bool withValue = true, bool classesOnly = false)
    {
        bool Applies(TrialRecord t) => t.Classifies || !classesOnly;
        if (withValue) columns.Double(name, t => t.Total == 0 || !Applies(t) ? double.NaN : successes(t) / (double)t.Total);
        columns.Double($"{name}_low", t => Applies(t) ? Intervals.Wilson(successes(t), t.Total).Low : double.NaN);
        columns.Double($"{name}_high", t => Applies(t) ? Intervals.Wilson(successes(t), t.Total).High : double.NaN);
    }
}
