using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;

namespace Mrfi.Results.Parquet.Tests;

[TestClass]
public sealed class ParquetResultSinkTests
{
    private static readonly DateTime Finished = new(2026, 11, 29, 6, 30, 15, 123, DateTimeKind.Utc);

    private static (ParquetResultSink Sink, string Folder) Written(int trials = 3)
    {
        string folder = Repo.TempFolder("parquet");
        var sink = new ParquetResultSink(folder, ["ber", "bits"]);
        for (int t = 0; t < trials; t++)
        {
            var sweep = new Dictionary<string, double> { ["ber"] = Math.Pow(10, -6 + t), ["bits"] = 8 };
            var record = new TrialRecord(t, t, 0, 1000 + t, sweep, 0.5 + t / 100.0, 0.886, 0.885, 500 + t, 1000, t * 3, t * 7, 0.25,
                Finished.AddSeconds(t));
            sink.AddTrial(record, [new ObserverRecord(t, "conv1", "after", "RMSE", "rmse", t * 0.1),
                new ObserverRecord(t, "fc3", "pre", "MinMax", "min", -t),
                new ObserverRecord(t, "fc3", "after", "Histogram", "count", t, 4)],
                [new FaultRecord(t, 0, "fc1", "weight", "w", 7 + t, "0," + (7 + t), 1L << t, 0.5, -0.5, 12, -116,
                    t == 2 ? "scale" : "element")]);
        }
        string config = Path.Combine(folder, "mrfi.toml");
        File.WriteAllText(config, "# config\n");
        string data = Path.Combine(folder, "data.bin");
        File.WriteAllBytes(data, [1, 2, 3]);
        sink.Complete(new CampaignSummary(config, "# config\n", 42, "LeNet", null, [data], ["ber", "bits"], trials, 1000, 0.885, "cpu", 2,
            Finished.AddMinutes(-1), Finished)
        {
            SweepKinds = new Dictionary<string, string> { ["ber"] = "ber", ["bits"] = "value" },
        });
        return (sink, folder);
    }

    [TestMethod]
    public void Duckdb_reads_trials_with_the_documented_schema()
    {
        var (sink, _) = Written();
        var schema = DuckDb.Schema(sink.TrialsPath);
        var expected = new Dictionary<string, string>
        {
            ["trial"] = "BIGINT", ["point"] = "INTEGER", ["repeat"] = "INTEGER", ["seed"] = "BIGINT", ["ber"] = "DOUBLE",
            ["bits"] = "DOUBLE",
            ["accuracy"] = "DOUBLE", ["golden_accuracy"] = "DOUBLE", ["float_accuracy"] = "DOUBLE", ["correct"] = "BIGINT",
            ["total"] = "BIGINT",
            ["changed"] = "BIGINT", ["faults"] = "BIGINT", ["top5_correct"] = "BIGINT", ["masked"] = "BIGINT", ["tolerable"] = "BIGINT",
            ["sdc"] = "BIGINT", ["critical_sdc"] = "BIGINT", ["due"] = "BIGINT", ["accuracy_low"] = "DOUBLE", ["accuracy_high"] = "DOUBLE",
            ["top5_accuracy"] = "DOUBLE", ["top5_accuracy_low"] = "DOUBLE", ["top5_accuracy_high"] = "DOUBLE",
            ["sdc_rate"] = "DOUBLE", ["sdc_rate_low"] = "DOUBLE", ["sdc_rate_high"] = "DOUBLE",
            ["critical_sdc_rate"] = "DOUBLE", ["critical_sdc_rate_low"] = "DOUBLE", ["critical_sdc_rate_high"] = "DOUBLE",
            ["due_rate"] = "DOUBLE", ["due_rate_low"] = "DOUBLE", ["due_rate_high"] = "DOUBLE",
            ["masked_rate"] = "DOUBLE", ["masked_rate_low"] = "DOUBLE", ["masked_rate_high"] = "DOUBLE",
            ["elapsed_s"] = "DOUBLE", ["finished_at"] = "TIMESTAMP WITH TIME ZONE",
            ["output"] = "VARCHAR", ["rmse"] = "DOUBLE", ["max_deviation"] = "DOUBLE", ["output_rmse"] = "DOUBLE[]",
        };
        CollectionAssert.AreEqual(expected.Keys.ToList(), schema.Keys.ToList(), "column order");
        foreach (var (column, type) in expected) Assert.AreEqual(type, schema[column], column);
    }

    [TestMethod]
    public void Duckdb_reads_back_the_trial_values()
    {
        var (sink, _) = Written();
        var rows = DuckDb.Query($"SELECT trial, ber, accuracy, correct, changed, faults, date_diff('microsecond', TIMESTAMPTZ " +
            $"'1970-01-01 00:00:00+00', finished_at) FROM read_parquet('{sink.TrialsPath}') ORDER BY trial");
        Assert.HasCount(3, rows);
        Assert.AreEqual(2L, rows[2][0]);
        Assert.AreEqual(1e-4, (double)rows[2][1]!, 1e-18);
        Assert.AreEqual(0.52, (double)rows[2][2]!, 1e-12);
        Assert.AreEqual(502L, rows[2][3]);
        Assert.AreEqual(6L, rows[2][4]);
        Assert.AreEqual(14L, rows[2][5]);
        long micros = (Finished.AddSeconds(2) - DateTime.UnixEpoch).Ticks / 10;
        Assert.AreEqual(micros, rows[2][6], "UTC microseconds since the epoch");
    }

    [TestMethod]
    public void Duckdb_reads_observer_rows()
    {
        var (sink, _) = Written();
        var schema = DuckDb.Schema(sink.ObserversPath);
        CollectionAssert.AreEqual(new[] { "trial", "layer", "position", "observer", "metric", "index", "value" }, schema.Keys.ToArray());
        Assert.AreEqual("BIGINT", schema["index"]);
        var rows = DuckDb.Query($"SELECT layer, position, observer, metric, sum(value) FROM read_parquet('{sink.ObserversPath}') WHERE " +
            $"index IS NULL GROUP BY ALL ORDER BY layer");
        Assert.HasCount(2, rows);
        var vector = DuckDb.Query($"SELECT DISTINCT index FROM read_parquet('{sink.ObserversPath}') WHERE observer = 'Histogram'");
        Assert.AreEqual(4L, vector.Single()[0], "vector metrics carry their index; scalars have NULL");
        CollectionAssert.AreEqual(new object[] { "conv1", "after", "RMSE", "rmse" }, rows[0][..4]);
        Assert.AreEqual(0.3, (double)rows[0][4]!, 1e-12);
        Assert.AreEqual(-3.0, (double)rows[1][4]!, 1e-12);
    }

    [TestMethod]
    public void No_int96_unsigned_or_decimal_types_are_written()
    {
        var (sink, _) = Written();
        foreach (var path in new[] { sink.TrialsPath, sink.ObserversPath })
        {
            var types = DuckDb.Query($"SELECT name, type, converted_type, logical_type FROM parquet_schema('{path}') WHERE type IS NOT " +
                $"NULL");
            foreach (var row in types)
            {
                string text = string.Join(" ", row.Select(v => v?.ToString() ?? ""));
                Assert.DoesNotContain("INT96", text, text);
                Assert.DoesNotContain("UINT", text, text);
                Assert.DoesNotContain("DECIMAL", text, text);
            }
        }
    }

    [TestMethod]
    public void Manifest_records_config_hash_seed_and_times_and_no_temp_files_remain()
    {
        var (sink, folder) = Written();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sink.ManifestPath));
        var root = json.RootElement;
        Assert.AreEqual(42, root.GetProperty("seed").GetInt64());
        string expectedHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("# config\n"u8.ToArray()))
            .ToLowerInvariant();
        Assert.AreEqual(expectedHash, root.GetProperty("config_sha256").GetString());
        Assert.AreEqual("# config\n", root.GetProperty("config_text").GetString());
        Assert.AreEqual("0.1.0", root.GetProperty("tool_version").GetString());
        Assert.AreEqual(Finished, root.GetProperty("finished_at").GetDateTime().ToUniversalTime());
        var names = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
        CollectionAssert.AreEqual(new[] { "data.bin", "faults.parquet", "manifest.json", "mrfi.toml", "observers.parquet", "points.parquet",
            "trials.parquet" }, names,
            "parts are merged away and no temporary files remain");
        var faults = DuckDb.Query($"SELECT trial, bits, original_int, faulty_int, coordinates, part FROM " +
            $"read_parquet('{Path.Combine(folder, "faults.parquet")}') ORDER BY trial");
        Assert.HasCount(3, faults);
        CollectionAssert.AreEqual(new object?[] { 2L, 4L, 12L, -116L, "0,9", "scale" }, faults[2],
            "an MX scale fault keeps its part through the merge");
        Assert.AreEqual("element", faults[0][5]);
    }

    [TestMethod]
    public void Manifest_records_each_sweep_variables_kind_beside_the_sweep()
    {
        var (sink, _) = Written();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sink.ManifestPath));
        var root = json.RootElement;
        CollectionAssert.AreEqual(new[] { "ber", "bits" }, root.GetProperty("sweep").EnumerateArray().Select(e => e.GetString()).ToList());
        var kinds = root.GetProperty("sweep_kinds").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ToList();
        CollectionAssert.AreEqual(new[] { ("ber", (string?)"ber"), ("bits", "value") }, kinds);
    }

    [TestMethod]
    public void Rates_carry_wilson_intervals_and_points_summarise_repeats()
    {
        var (sink, _) = Written();
        var row = DuckDb.Query($"SELECT accuracy, accuracy_low, accuracy_high FROM read_parquet('{sink.TrialsPath}') WHERE trial = 0")
            .Single();
        var (low, high) = Mrfi.Core.Statistics.Intervals.Wilson(500, 1000);
        Assert.AreEqual(low, (double)row[1]!, 1e-12);
        Assert.AreEqual(high, (double)row[2]!, 1e-12);
        Assert.IsTrue((double)row[1]! < (double)row[0]! && (double)row[0]! < (double)row[2]!);
        var points = DuckDb.Query($"SELECT point, trials, accuracy_mean FROM read_parquet('{sink.PointsPath}') ORDER BY point");
        Assert.HasCount(3, points);
        Assert.AreEqual(0.51, (double)points[1][2]!, 1e-12);
    }

    [TestMethod]
    public void Empty_campaign_still_writes_readable_tables()
    {
        var (sink, _) = Written(trials: 0);
        Assert.AreEqual(0L, DuckDb.Query($"SELECT count(*) FROM read_parquet('{sink.TrialsPath}')")[0][0]);
    }
}
