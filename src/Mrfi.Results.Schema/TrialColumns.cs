using static Mrfi.Results.Schema.ColumnKind;

namespace Mrfi.Results.Schema;

/// <summary>The fixed columns of <c>trials.parquet</c> (one row per trial), in file order; docs/results.md says what each
/// holds. A new column goes into <see cref="Table"/> first: the writer refuses to write a column that is not listed there,
/// and listing it reserves its name (a sweep variable of that name is a config error).</summary>
public static class TrialColumns
{
    /// <summary>Trial number, point × repeats + repeat.</summary>
    public const string Trial = "trial";

    /// <summary>Sweep point.</summary>
    public const string Point = "point";

    /// <summary>Repeat within the point.</summary>
    public const string Repeat = "repeat";

    /// <summary>The trial's seed.</summary>
    public const string Seed = "seed";

    /// <summary>Top-1 accuracy with faults.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Top-1 accuracy of the point's golden run.</summary>
    public const string GoldenAccuracy = "golden_accuracy";

    /// <summary>Top-1 accuracy of the float model.</summary>
    public const string FloatAccuracy = "float_accuracy";

    /// <summary>Correct predictions with faults.</summary>
    public const string Correct = "correct";

    /// <summary>Samples.</summary>
    public const string Total = "total";

    /// <summary>Predictions that differ from the golden run's.</summary>
    public const string Changed = "changed";

    /// <summary>Values hit.</summary>
    public const string Faults = "faults";

    /// <summary>Samples whose label is among the top five outputs.</summary>
    public const string Top5Correct = "top5_correct";

    /// <summary>Samples whose output equals the golden output.</summary>
    public const string Masked = "masked";

    /// <summary>Samples whose output changed but whose prediction did not.</summary>
    public const string Tolerable = "tolerable";

    /// <summary>Silent data corruptions.</summary>
    public const string Sdc = "sdc";

    /// <summary>SDCs that turned a correct prediction wrong.</summary>
    public const string CriticalSdc = "critical_sdc";

    /// <summary>Samples with NaN or ±Inf in the output.</summary>
    public const string Due = "due";

    /// <summary>top5_correct / total (with its interval).</summary>
    public const string Top5Accuracy = "top5_accuracy";

    /// <summary>sdc / total (with its interval).</summary>
    public const string SdcRate = "sdc_rate";

    /// <summary>critical_sdc / total (with its interval).</summary>
    public const string CriticalSdcRate = "critical_sdc_rate";

    /// <summary>due / total (with its interval).</summary>
    public const string DueRate = "due_rate";

    /// <summary>masked / total (with its interval).</summary>
    public const string MaskedRate = "masked_rate";

    /// <summary>Wall time of the trial.</summary>
    public const string ElapsedSeconds = "elapsed_s";

    /// <summary>When the trial finished.</summary>
    public const string FinishedAt = "finished_at";

    /// <summary>How outputs were scored: classes or tensor.</summary>
    public const string Output = "output";

    /// <summary>RMSE of the outputs against the golden outputs.</summary>
    public const string Rmse = "rmse";

    /// <summary>The largest per-sample relative deviation.</summary>
    public const string MaxDeviation = "max_deviation";

    /// <summary>The RMSE of each model output against its golden output, in graph-output order (manifest <c>outputs</c> names
    /// them).</summary>
    public const string OutputRmse = "output_rmse";

    /// <summary>The outcome rates (SDC, critical SDC, DUE, masked), each with its 95 % interval in this table and in
    /// points.parquet.</summary>
    public static readonly IReadOnlyList<string> OutcomeRates = [SdcRate, CriticalSdcRate, DueRate, MaskedRate];

    /// <summary>trials.parquet: the sweep columns follow <see cref="Seed"/>.</summary>
    public static readonly TableSchema Table = new("trials",
    [
        new(Trial, Integer), new(Point, Integer), new(Repeat, Integer), new(Seed, Integer),
        new(Accuracy, Float), new(GoldenAccuracy, Float), new(FloatAccuracy, Float),
        new(Correct, Integer), new(Total, Integer), new(Changed, Integer), new(Faults, Integer), new(Top5Correct, Integer),
        new(Masked, Integer), new(Tolerable, Integer), new(Sdc, Integer), new(CriticalSdc, Integer), new(Due, Integer),
        // The accuracy's value is the column above; here only its Wilson interval.
        .. Interval.Columns(Accuracy, withValue: false), .. Interval.Columns(Top5Accuracy),
        .. OutcomeRates.SelectMany(r => Interval.Columns(r)),
        new(ElapsedSeconds, Float), new(FinishedAt, Timestamp),
        new(Output, Text), new(Rmse, Float), new(MaxDeviation, Float), new(OutputRmse, FloatList),
    ], SweepAfter: Seed);
}
