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
}
