namespace Mrfi.Report;

/// <summary>The same 95 % intervals as points.parquet (Student's t over the trials, for accuracy and rates alike), so that the
/// report of an unmerged or sharded folder gives the numbers its merged points.parquet will hold.</summary>
/// <remarks>A copy of Mrfi.Core.Statistics.Intervals (MeanT at 95 %), kept on purpose: the report reads results
/// without TorchSharp, and Mrfi.Core and Mrfi.Abstractions both bring it in. Change both together; ReportCommandTests compares
/// these numbers with points.parquet's.</remarks>
internal static class Stats
{
    private const double Z95 = 1.959963984540054;

    private static readonly double[] T975 =
    [
        double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>Mean and 95 % t-interval; one value gives NaN bounds.</summary>
    public static (double Mean, double Low, double High) MeanT(IReadOnlyList<double> values)
    {
        int n = values.Count;
        if (n == 0) return (double.NaN, double.NaN, double.NaN);
        double mean = values.Average();
        if (n == 1) return (mean, double.NaN, double.NaN);
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        int df = n - 1;
        // Beyond the table, the Cornish–Fisher expansion is as good as the table's three decimals.
        double t = df < T975.Length ? T975[df]
            : Z95 + (Z95 * Z95 * Z95 + Z95) / (4.0 * df) + (5 * Math.Pow(Z95, 5) + 16 * Z95 * Z95 * Z95 + 3 * Z95) / (96.0 * df * df)
            + (3 * Math.Pow(Z95, 7) + 19 * Math.Pow(Z95, 5) + 17 * Z95 * Z95 * Z95 - 15 * Z95) / (384.0 * df * df * df);
        double half = t * sd / Math.Sqrt(n);
        return (mean, mean - half, mean + half);
    }

    /// <summary>Quartiles (linear interpolation, as numpy's default) of a sorted list.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        double pos = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
