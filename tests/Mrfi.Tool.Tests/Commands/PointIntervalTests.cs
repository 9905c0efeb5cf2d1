namespace Mrfi.Tool.Tests.Commands;

/// <summary>points.parquet's rate intervals are across trials (the images of a trial share its faults), as DuckDB computes
/// them from trials.parquet, and the report prints the same.</summary>
[TestClass]
public sealed class PointIntervalTests
{
    private static readonly string[] Rates = ["sdc", "critical_sdc", "due", "masked"];

    private static string Config(int repeats) => Cli.Config(Cli.Small
        .Replace("ber = [1e-5, 1e-2]\nrepeats = 2", $"ber = [1e-3, 4e-3]\nrepeats = {repeats}", StringComparison.Ordinal)
        .Replace("batch_size = 50", "batch_size = 100", StringComparison.Ordinal));

    [TestMethod]
    public void Point_rate_intervals_equal_the_t_interval_over_the_trials_rates_read_by_duckdb()
    {
        string config = Config(repeats: 4);
        StringAssert.Contains(File.ReadAllText(config), "repeats = 4", "Cli.Small changed; update this test's edits");
        string folder = Path.GetDirectoryName(config)!, results = Path.Combine(folder, "results");
        try
        {
            var run = Cli.Run("run", config, "--out", results);
            Assert.AreEqual(0, run.ExitCode, run.Output);
            string trialRates = string.Join(", ", Rates.Select(r => $"avg({r} / total), stddev_samp({r} / total)"));
            var expected = DuckDb.Query($"SELECT point, count(*), {trialRates} FROM read_parquet('{results}/trials.parquet') GROUP BY " +
                $"point ORDER BY point");
            string pointColumns = string.Join(", ", Rates.Select(r => $"{r}_rate, {r}_rate_low, {r}_rate_high"));
            var points = DuckDb.Query($"SELECT point, {pointColumns} FROM read_parquet('{results}/points.parquet') ORDER BY point");
            Assert.HasCount(2, points);
            bool wider = false;
            for (int p = 0; p < 2; p++)
            {
                Assert.AreEqual(4L, Convert.ToInt64(expected[p][1], System.Globalization.CultureInfo.InvariantCulture));
                for (int k = 0; k < Rates.Length; k++)
                {
                    // t(0.975, 3 df) · sd / √4
                    double mean = (double)expected[p][2 + 2 * k]!, half = 3.182 * (double)expected[p][3 + 2 * k]! / 2;
                    Assert.AreEqual(mean, (double)points[p][1 + 3 * k]!, 1e-12, $"point {p} {Rates[k]}");
                    Assert.AreEqual(Math.Max(0, mean - half), (double)points[p][2 + 3 * k]!, 1e-12, $"point {p} {Rates[k]} low");
                    Assert.AreEqual(Math.Min(1, mean + half), (double)points[p][3 + 3 * k]!, 1e-12, $"point {p} {Rates[k]} high");
                }
                // The per-image Wilson interval over all 400 samples of the point is what the trial-level interval replaces.
                var sdc = DuckDb.Query($"SELECT sum(sdc)::DOUBLE, sum(total)::DOUBLE FROM read_parquet('{results}/trials.parquet') WHERE " +
                    $"point = {p}")[0];
                double n = Convert.ToDouble(sdc[1], System.Globalization.CultureInfo.InvariantCulture),
                rate = Convert.ToDouble(sdc[0], System.Globalization.CultureInfo.InvariantCulture) / n;
                double wilsonHalf = 1.96 * Math.Sqrt(rate * (1 - rate) / n);
                wider |= ((double)points[p][3]! - (double)points[p][2]!) / 2 > wilsonHalf;
            }
            Assert.IsTrue(wider, "weight faults shared by a trial's images should make some trial-level SDC interval wider than the " +
                "per-image one");
            var report = Cli.Run("report", results);
            Assert.AreEqual(0, report.ExitCode, report.Output);
            StringAssert.Contains(report.Output, "95 % Student-t interval across the trials");
            string cell = $"{100 * (double)points[1][1]!:F2} ({100 * (double)points[1][2]!:F2}–{100 * (double)points[1][3]!:F2})";
            StringAssert.Contains(report.Output, cell, "the console table's SDC cell of point 1");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void One_trial_per_point_gives_no_rate_interval_and_the_report_says_why()
    {
        string config = Config(repeats: 1);
        string folder = Path.GetDirectoryName(config)!, results = Path.Combine(folder, "results");
        try
        {
            Assert.AreEqual(0, Cli.Run("run", config, "--out", results).ExitCode);
            foreach (var row in DuckDb.Query(
                $"SELECT sdc_rate, sdc_rate_low, sdc_rate_high, masked_rate_low, masked_rate_high FROM " +
                $"read_parquet('{results}/points.parquet')"))
            {
                Assert.IsFalse(double.IsNaN((double)row[0]!));
                for (int k = 1; k < row.Length; k++)
                    Assert.IsTrue(row[k] is null || double.IsNaN((double)row[k]!), $"column {k}: {row[k]}");
            }
            // trials.parquet keeps each trial's own (per-image) Wilson interval.
            var trial = DuckDb.Query($"SELECT sdc, total, sdc_rate_low, sdc_rate_high FROM read_parquet('{results}/trials.parquet') " +
                $"ORDER BY trial")[1];
            double n = Convert.ToDouble(trial[1], System.Globalization.CultureInfo.InvariantCulture), z = 1.959963984540054;
            double p = Convert.ToDouble(trial[0], System.Globalization.CultureInfo.InvariantCulture) / n;
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n),
            half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
            Assert.AreEqual(Math.Max(0, centre - half), (double)trial[2]!, 1e-12);
            Assert.AreEqual(Math.Min(1, centre + half), (double)trial[3]!, 1e-12);
            var report = Cli.Run("report", results);
            Assert.AreEqual(0, report.ExitCode, report.Output);
            StringAssert.Contains(report.Output, "points with one trial have no interval (NaN)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
