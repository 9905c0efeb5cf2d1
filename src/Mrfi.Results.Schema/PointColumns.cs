using static Mrfi.Results.Schema.ColumnKind;

namespace Mrfi.Results.Schema;

/// <summary>The fixed columns of <c>points.parquet</c> (one row per sweep point), in file order. Columns that mean the same
/// as in trials.parquet share its names (<see cref="TrialColumns.OutcomeRates"/>).</summary>
public static class PointColumns
{
    /// <summary>Sweep point.</summary>
    public const string Point = TrialColumns.Point;

    /// <summary>Trials of the point.</summary>
    public const string Trials = "trials";

    /// <summary>Samples over all trials of the point.</summary>
    public const string Samples = "samples";

    /// <summary>Golden accuracy of the point.</summary>
    public const string GoldenAccuracy = TrialColumns.GoldenAccuracy;

    /// <summary>Mean accuracy over the trials.</summary>
    public const string AccuracyMean = "accuracy_mean";

    /// <summary>Lower bound of the mean accuracy's t-interval.</summary>
    public const string AccuracyTLow = "accuracy_t_low";

    /// <summary>Upper bound of the mean accuracy's t-interval.</summary>
    public const string AccuracyTHigh = "accuracy_t_high";

    /// <summary>Mean faults per trial.</summary>
    public const string FaultsMean = "faults_mean";

    /// <summary>points.parquet: the sweep columns follow <see cref="Point"/>.</summary>
    public static readonly TableSchema Table = new("points",
    [
        new(Point, Integer), new(Trials, Integer), new(Samples, Integer), new(GoldenAccuracy, Float),
        new(AccuracyMean, Float), new(AccuracyTLow, Float), new(AccuracyTHigh, Float), new(FaultsMean, Float),
        .. TrialColumns.OutcomeRates.SelectMany(r => Interval.Columns(r)),
    ], SweepAfter: Point);
}
