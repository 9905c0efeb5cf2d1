using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;
using Mrfi.Core.Configuration;
using Mrfi.Core.Statistics;
using Mrfi.Results.Schema;
using C = Mrfi.Results.Schema.TrialColumns;
using F = Mrfi.Results.Schema.FaultColumns;
using O = Mrfi.Results.Schema.ObserverColumns;

namespace Mrfi.Results.Parquet;

/// <summary>The column layouts of trials.parquet and observers.parquet, shared by part files and merged files.</summary>
internal static class Tables
{
    /// <summary>trials.parquet for <paramref name="rows"/>: a sweep variable is a string column when the rows hold it as text
    /// (<c>format = "int8"</c>), a double column otherwise.</summary>
    public static ColumnSet<TrialRecord> Trials(IReadOnlyList<string> sweepNames, IReadOnlyCollection<TrialRecord> rows)
    {
        var trials = new ColumnSet<TrialRecord>(C.Table, sweepNames)
            .Long(C.Trial, t => t.Trial).Int(C.Point, t => t.Point).Int(C.Repeat, t => t.Repeat).Long(C.Seed, t => t.Seed);
        SweepColumns(trials, sweepNames, rows, t => t.Sweep);
        trials.Double(C.Accuracy, t => t.Accuracy).Double(C.GoldenAccuracy, t => t.GoldenAccuracy)
            .Double(C.FloatAccuracy, t => t.FloatAccuracy)
            .Long(C.Correct, t => t.Correct).Long(C.Total, t => t.Total).Long(C.Changed, t => t.Changed).Long(C.Faults, t => t.Faults)
            .Long(C.Top5Correct, t => t.Top5Correct).Long(C.Masked, t => t.Masked).Long(C.Tolerable, t => t.Tolerable)
            .Long(C.Sdc, t => t.Sdc).Long(C.CriticalSdc, t => t.CriticalSdc).Long(C.Due, t => t.Due);
        // Accuracy, top-5 and critical SDCs need class scores and labels: NaN for [model] output = "tensor".
        Rate(trials, C.Accuracy, t => t.Correct, withValue: false, classesOnly: true);
        Rate(trials, C.Top5Accuracy, t => t.Top5Correct, classesOnly: true);
        Rate(trials, C.SdcRate, t => t.Sdc);
        Rate(trials, C.CriticalSdcRate, t => t.CriticalSdc, classesOnly: true);
        Rate(trials, C.DueRate, t => t.Due);
        Rate(trials, C.MaskedRate, t => t.Masked);
        trials.Double(C.ElapsedSeconds, t => t.ElapsedSeconds).Timestamp(C.FinishedAt, t => t.FinishedAt);
        // output_rmse: a list per trial, one RMSE per model output in graph order (manifest.json's "outputs" names them).
        return trials.String(C.Output, t => t.Output).Double(C.Rmse, t => t.Rmse).Double(C.MaxDeviation, t => t.MaxDeviation)
            .DoubleList(C.OutputRmse, t => t.OutputRmse.Count > 0 ? t.OutputRmse : [t.Rmse]);
    }

    /// <summary>One column per sweep variable: strings for text variables, doubles (NaN where a row lacks it) for numbers.</summary>
    public static void SweepColumns<TRow>(ColumnSet<TRow> columns, IReadOnlyList<string> names, IReadOnlyCollection<TRow> rows,
        Func<TRow, SweepValues> sweep)
    {
        var texts = rows.SelectMany(r => sweep(r).Texts.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (texts.Contains(name)) columns.String(name, r => sweep(r).Texts.GetValueOrDefault(name)!);
            else columns.Double(name, r => sweep(r).GetValueOrDefault(name, double.NaN));
        }
    }

    public static ColumnSet<ObserverRecord> Observers() => new ColumnSet<ObserverRecord>(O.Table)
        .Long(O.Trial, o => o.Trial).String(O.Layer, o => o.Layer).String(O.Position, o => o.Position)
        .String(O.Observer, o => o.Observer).String(O.Metric, o => o.Metric).NullableLong(O.Index, o => o.Index)
        .NullableDouble(O.Value, o => o.Value);

    public static ColumnSet<FaultRecord> Faults() => new ColumnSet<FaultRecord>(F.Table)
        .Long(F.Trial, f => f.Trial).Int(F.Batch, f => f.Batch).String(F.Layer, f => f.Layer).String(F.Tensor, f => f.Tensor)
        .String(F.Entry, f => f.Entry).Long(F.Index, f => f.Index).String(F.Coordinates, f => f.Coordinates).Long(F.Bits, f => f.Bits)
        .Double(F.Original, f => f.Original).Double(F.Faulty, f => f.Faulty).NullableLong(F.OriginalInt, f => f.OriginalInt)
        .NullableLong(F.FaultyInt, f => f.FaultyInt)
        .String(F.Part, f => f.Part);

    /// <summary>A rate with its 95 % Wilson interval: columns name, name_low, name_high.</summary>
    private static void Rate(ColumnSet<TrialRecord> columns, string name, Func<TrialRecord, long> successes, bool withValue = true,
        bool classesOnly = false)
    {
        bool Applies(TrialRecord t) => t.Classifies || !classesOnly;
        if (withValue) columns.Double(name, t => t.Total == 0 || !Applies(t) ? double.NaN : successes(t) / (double)t.Total);
        columns.Double(Interval.Low(name), t => Applies(t) ? Intervals.Wilson(successes(t), t.Total).Low : double.NaN);
        columns.Double(Interval.High(name), t => Applies(t) ? Intervals.Wilson(successes(t), t.Total).High : double.NaN);
    }
}
