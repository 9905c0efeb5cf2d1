namespace Mrfi.Report;

/// <summary>One sweep point: its variable values and what its trials add up to (the numbers of points.parquet).</summary>
internal sealed record PointRow(int Point, IReadOnlyList<object?> Values, IReadOnlyList<int> Rows)
{
    public long Samples { get; init; }

    public double GoldenAccuracy { get; init; }

    /// <summary>Mean accuracy over the trials with its 95 % t-interval (NaN bounds with one trial).</summary>
    public (double Mean, double Low, double High) Accuracy { get; init; }

    public double FaultsMean { get; init; }

    public double ChangedMean { get; init; }

    public Rate Sdc { get; init; }

    public Rate CriticalSdc { get; init; }

    public Rate Due { get; init; }

    public Rate Masked { get; init; }

    /// <summary>Mean RMSE of the outputs against the golden outputs over the trials (those not all DUE), with its 95 %
    /// t-interval.</summary>
    public (double Mean, double Low, double High) Rmse { get; init; } = (double.NaN, double.NaN, double.NaN);

    /// <summary>The largest relative deviation of a finite sample in any of the point's trials (NaN when none).</summary>
    public double MaxDeviation { get; init; } = double.NaN;
}
