using System.Globalization;

namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class ReportCommandTests
{
    [TestMethod]
    public void Report_of_the_shipped_default_campaign_draws_its_figures_and_prints_the_points_parquet_accuracies()
    {
        // The shipped mrfi.toml on 200 of its 1000 images, so that the run takes seconds.
        string toml = File.ReadAllText(Path.Combine(Repo.Root, "mrfi.toml"))
            .Replace("limit = 1000", "limit = 200", StringComparison.Ordinal)
            .Replace("\"examples/assets/", $"\"{Repo.Assets}/", StringComparison.Ordinal);
        string config = Cli.Config(toml);
        string folder = Path.GetDirectoryName(config)!;
        string results = Path.Combine(folder, "results");
        try
        {
            Assert.AreEqual(0, Cli.Run("run", config, "--out", results).ExitCode);
            var report = Cli.Run("report", results);
            Assert.AreEqual(0, report.ExitCode, report.Output);
            string output = Path.Combine(results, "report");
            foreach (var png in new[] { "accuracy-vs-ber.png", "outcomes-vs-ber.png", "observer-rmse.png" })
            {
                var bytes = File.ReadAllBytes(Path.Combine(output, png));
                Assert.AreEqual(0x89504E47u, (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]), png);
                Assert.AreEqual(1000, bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19], png);
                Assert.AreEqual(600, bytes[20] << 24 | bytes[21] << 16 | bytes[22] << 8 | bytes[23], png);
            }
            string html = File.ReadAllText(Path.Combine(output, "report.html"));
            StringAssert.Contains(html, "<img src=\"accuracy-vs-ber.png\"");
            StringAssert.Contains(html, "selector = { method = &quot;RandomPositionByRate&quot;, ber = &quot;$ber&quot; }",
                "the config text");
            var lines = report.Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var points = DuckDb.Query($"SELECT point, accuracy_mean, accuracy_t_low, accuracy_t_high, sdc_rate FROM " +
                $"read_parquet('{results}/points.parquet') ORDER BY point");
            Assert.HasCount(5, points);
            foreach (var p in points)
            {
                // point, ber, trials, samples, accuracy %, low, high, golden, faults, changed, SDC % (low–high), …
                var row = lines.Single(l => l.Length == 18 && l[0] == Convert.ToString(p[0], CultureInfo.InvariantCulture));
                for (int k = 1; k <= 3; k++)
                    Assert.AreEqual(100 * (double)p[k]!, double.Parse(row[3 + k], CultureInfo.InvariantCulture), 0.005 + 1e-9,
                        $"point {p[0]} column {k}");
                Assert.AreEqual(100 * (double)p[4]!, double.Parse(row[10], CultureInfo.InvariantCulture), 0.005 + 1e-9,
                    $"point {p[0]} SDC");
            }
            StringAssert.Contains(report.Output, "bit-sensitivity bars: needs a swept 'bit' variable (varies: ber)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void A_text_sweep_variable_runs_each_format_and_the_report_names_its_values()
    {
        string toml = File.ReadAllText(Path.Combine(Repo.Root, "mrfi.toml"))
            .Replace("limit = 1000", "limit = 200", StringComparison.Ordinal)
            .Replace("\"examples/assets/", $"\"{Repo.Assets}/", StringComparison.Ordinal)
            .Replace("ber = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]", "format = [\"float32\", \"float16\"]\nber = [1e-5, 1e-3]",
                StringComparison.Ordinal)
            .Replace("repeats = 3", "repeats = 2", StringComparison.Ordinal)
            .Replace("quantization = { method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }\n", "",
                StringComparison.Ordinal)
            .Replace("error_model = { method = \"IntRandomBitFlip\", bit_width = 8 }",
                "error_model = { method = \"FloatRandomBitFlip\", floattype = \"$format\" }", StringComparison.Ordinal);
        StringAssert.Contains(toml, "floattype = \"$format\"", "the shipped config changed; update this test's edits");
        string config = Cli.Config(toml);
        string folder = Path.GetDirectoryName(config)!;
        string results = Path.Combine(folder, "results");
        try
        {
            var run = Cli.Run("run", config, "--out", results);
            Assert.AreEqual(0, run.ExitCode, run.Output);
            var faults = DuckDb.Query($"SELECT format, ber, avg(faults) FROM read_parquet('{results}/trials.parquet') GROUP BY format, " +
                $"ber ORDER BY ber, format");
            Assert.HasCount(4, faults);
            // At the same per-bit rate a float16 value is hit half as often as a float32 one (16 bits against 32).
            double ratio = (double)faults[0][2]! / (double)faults[1][2]!;
            Assert.AreEqual("float16", faults[0][0]);
            Assert.AreEqual(0.5, (double)faults[2][2]! / (double)faults[3][2]!, 0.1, "at ber 1e-3");
            Assert.IsLessThan(1.0, ratio, "at ber 1e-5");
            var report = Cli.Run("report", results);
            Assert.AreEqual(0, report.ExitCode, report.Output);
            StringAssert.Contains(report.Output, "sweep format (2 values), ber (2 values)");
            var row = report.Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .First(l => l.Length > 3 && l[0] == "3");
            CollectionAssert.AreEqual(new[] { "3", "float16", "1e-3" }, row[..3], "point 3 is float16 at 1e-3, shown by name");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Report_of_a_missing_folder_exits_2_with_one_line_and_no_stack_trace()
    {
        string missing = Path.Combine(Path.GetTempPath(), "mrfi-tests", $"missing-{Guid.NewGuid():N}");
        var result = Cli.Run("report", missing);
        Assert.AreEqual(2, result.ExitCode);
        Assert.AreEqual($"error: {missing} does not exist", result.Output.Trim());
    }

    [TestMethod]
    public void Report_with_no_html_writes_only_the_figures()
    {
        string folder = Repo.TempFolder("report-nohtml");
        try
        {
            string config = Cli.Config(Cli.Small);
            string results = Path.Combine(folder, "results");
            Assert.AreEqual(0, Cli.Run("run", config, "--out", results).ExitCode);
            var report = Cli.Run("report", results, "--out", Path.Combine(folder, "figs"), "--no-html");
            Assert.AreEqual(0, report.ExitCode, report.Output);
            CollectionAssert.AreEquivalent(new[] { "accuracy-vs-ber.png", "outcomes-vs-ber.png", "observer-rmse.png" },
                Directory.GetFiles(Path.Combine(folder, "figs")).Select(Path.GetFileName).ToList());
            Directory.Delete(Path.GetDirectoryName(config)!, recursive: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
