namespace Mrfi.Core.Statistics;

/// <summary>95 % confidence intervals: Wilson's for proportions of independent samples (one trial's images), Student's t for means over
/// repeats.</summary>
public static class Intervals
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>z for a two-sided interval at <paramref name="confidence"/> (the exact constant at 0.95).</summary>
    public static double Z(double confidence) => confidence == 0.95 ? Z95 : SampleSize.Z(confidence);

    private static readonly double[] T975 =
    [
        double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>Wilson score interval of <paramref name="successes"/> out of <paramref name="n"/> (good for rates near 0 or 1, where the
    /// normal approximation fails); (NaN, NaN) when n is 0.</summary>
    public static (double Low, double High) Wilson(long successes, long n, double z = Z95)
    {
        if (n <= 0) return (double.NaN, double.NaN);
        double p = successes / (double)n;
        double z2 = z * z;
        double center = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>Mean and t-interval of <paramref name="values"/> at <paramref name="confidence"/> (a single value gives NaN
    /// bounds).</summary>
    public static (double Mean, double Low, double High) MeanT(IReadOnlyList<double> values, double confidence = 0.95)
    {
        int n = values.Count;
        if (n == 0) return (double.NaN, double.NaN, double.NaN);
        double mean = values.Average();
        if (n == 1) return (mean, double.NaN, double.NaN);
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        // The 95 % table is exact where the expansion is weakest (few degrees of freedom).
        double t = confidence == 0.95 && n - 1 < T975.Length ? T975[n - 1] : TQuantile(n - 1, Z(confidence));
        double half = t * sd / Math.Sqrt(n);
        return (mean, mean - half, mean + half);
    }

    /// <summary>Mean of per-trial rates and its t-interval clipped to [0, 1] (a rate cannot leave it); NaN bounds with one value.</summary>
    public static (double Mean, double Low, double High) RateT(IReadOnlyList<double> rates, double confidence = 0.95)
    {
        var (mean, low, high) = MeanT(rates, confidence);
        return (mean, Math.Max(0, low), Math.Min(1, high));
    }

    /// <summary>Student's t quantile for the normal quantile <paramref name="z"/> (Cornish–Fisher expansion; good from a few degrees of
    /// freedom).</summary>
    private static double TQuantile(int df, double z) =>
        z + (z * z * z + z) / (4.0 * df) + (5 * Math.Pow(z, 5) + 16 * z * z * z + 3 * z) / (96.0 * df * df)
        + (3 * Math.Pow(z, 7) + 19 * Math.Pow(z, 5) + 17 * z * z * z - 15 * z) / (384.0 * df * df * df);
}
