namespace Mrfi.Report;

/// <summary>A rate of a point: the mean of its trials' rates with the 95 % t-interval across them, clipped to [0, 1], as in
/// points.parquet (NaN bounds with one trial: the images of a trial share its faults, so they give no interval of the point).</summary>
internal readonly record struct Rate(double Value, double Low, double High)
{
    /// <summary>The rate of the trials whose own rates are <paramref name="trialRates"/>.</summary>
    public static Rate Of(IReadOnlyList<double> trialRates)
    {
        var (mean, low, high) = Stats.MeanT(trialRates);
        return new(mean, Math.Max(0, low), Math.Min(1, high));
    }
}
