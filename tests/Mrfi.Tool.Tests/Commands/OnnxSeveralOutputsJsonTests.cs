using System.Globalization;
using System.Text.Json;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>`run --json` on a graph with two outputs holds the figures trials.parquet has for outputs compared as a tensor
/// (rmse, max_deviation, output_rmse per trial) and their per-point aggregates, checked against the Parquet file read by
/// DuckDB.</summary>
[TestClass]
public sealed class OnnxSeveralOutputsJsonTests
{
    [TestMethod]
    public void Json_of_a_two_output_run_holds_the_trials_parquet_rmse_figures_per_trial_and_per_point()
    {
        string config = OnnxSeveralOutputsCliTests.Config(OnnxSeveralOutputsCliTests.TwoOutputs());
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "results");
        string json = Path.Combine(Path.GetDirectoryName(config)!, "run.json");
        var run = Cli.Run("run", config, "--out", folder, "--json", json);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var names = manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.HasCount(2, names);
        CollectionAssert.AreEqual(names, root.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()).ToList());

        string parquet = Path.Combine(folder, "trials.parquet");
        var rows = DuckDb.Query($"SELECT trial, output, rmse, max_deviation, len(output_rmse), output_rmse[1], output_rmse[2] " +
            $"FROM read_parquet('{parquet}') ORDER BY trial");
        var trials = root.GetProperty("trials").EnumerateArray().ToList();
        Assert.HasCount(4, rows);
        Assert.HasCount(rows.Count, trials);
        for (int i = 0; i < rows.Count; i++)
        {
            var t = trials[i];
            Assert.AreEqual(D(rows[i][0]), t.GetProperty("trial").GetInt64());
            Assert.AreEqual((string)rows[i][1]!, t.GetProperty("output").GetString());
            Same(D(rows[i][2]), t.GetProperty("rmse"), 0, "rmse");
            Same(D(rows[i][3]), t.GetProperty("max_deviation"), 0, "max_deviation");
            var perOutput = t.GetProperty("output_rmse").EnumerateArray().ToList();
            Assert.AreEqual(D(rows[i][4]), perOutput.Count);
            Same(D(rows[i][5]), perOutput[0], 0, "output_rmse[1]");
            Same(D(rows[i][6]), perOutput[1], 0, "output_rmse[2]");
        }

        // Per point: the mean of the finite RMSEs (an all-DUE trial has none), the largest deviation, the mean per output.
        var points = DuckDb.Query("SELECT point, count(*), avg(rmse) FILTER (WHERE isfinite(rmse)), " +
            "max(max_deviation) FILTER (WHERE isfinite(max_deviation)), " +
            "avg(output_rmse[1]) FILTER (WHERE isfinite(output_rmse[1])), avg(output_rmse[2]) FILTER (WHERE isfinite(output_rmse[2])) " +
            $"FROM read_parquet('{parquet}') GROUP BY point ORDER BY point");
        var jsonPoints = root.GetProperty("points").EnumerateArray().ToList();
        Assert.HasCount(2, points);
        Assert.HasCount(points.Count, jsonPoints);
        for (int i = 0; i < points.Count; i++)
        {
            var p = jsonPoints[i];
            Assert.AreEqual(D(points[i][0]), p.GetProperty("point").GetInt32());
            Assert.AreEqual(D(points[i][1]), p.GetProperty("trial_count").GetInt32());
            Same(D(points[i][2]), p.GetProperty("mean_rmse"), 1e-12, "mean_rmse");
            Same(D(points[i][3]), p.GetProperty("max_deviation"), 0, "max_deviation");
            var means = p.GetProperty("mean_output_rmse").EnumerateArray().ToList();
            Assert.HasCount(2, means);
            Same(D(points[i][4]), means[0], 1e-12, "mean_output_rmse[0]");
            Same(D(points[i][5]), means[1], 1e-12, "mean_output_rmse[1]");
        }
        // BER 1e-2 on 8-bit weights changes the outputs: the figures compared above are not all zeros.
        Assert.IsGreaterThan(0.0, jsonPoints[1].GetProperty("mean_rmse").GetDouble());
        Assert.IsGreaterThan(0.0, jsonPoints[1].GetProperty("mean_output_rmse")[1].GetDouble());
    }

    private static double D(object? value) => value is null ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    // A NaN in the Parquet file is null in the JSON; any other value equal within a relative tolerance.
    private static void Same(double expected, JsonElement actual, double relative, string what)
    {
        if (!double.IsFinite(expected))
        {
            Assert.AreEqual(JsonValueKind.Null, actual.ValueKind, what);
            return;
        }
        Assert.AreEqual(expected, actual.GetDouble(), relative * Math.Abs(expected), what);
    }
}
