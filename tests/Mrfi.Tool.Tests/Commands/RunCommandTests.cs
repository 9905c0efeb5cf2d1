using System.Globalization;

namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class RunCommandTests
{
    private const string DeterministicColumns =
        "trial, point, repeat, seed, ber, accuracy, golden_accuracy, float_accuracy, correct, total, changed, faults";

    [TestMethod]
    public void Run_writes_trials_observers_and_manifest()
    {
        string config = Cli.Config(Cli.Small);
        string output = Path.Combine(Path.GetDirectoryName(config)!, "out");
        var result = Cli.Run("run", config, "--out", output);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        foreach (var file in new[] { "trials.parquet", "observers.parquet", "manifest.json", "mrfi.log" })
            Assert.IsTrue(File.Exists(Path.Combine(output, file)), file);
        Assert.AreEqual(4L, DuckDb.Query($"SELECT count(*) FROM read_parquet('{output}/trials.parquet')")[0][0]);
        // RMSE on fc1, fc2, fc3 (module_name "fc" is a substring match) for 4 trials.
        Assert.AreEqual(12L, DuckDb.Query(
            $"SELECT count(*) FROM read_parquet('{output}/observers.parquet') WHERE observer = 'RMSE'")[0][0]);
        StringAssert.Contains(result.Output, "Trial 4/4");
        StringAssert.Contains(result.Output, "done 4 trials");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var root = manifest.RootElement;
        Assert.AreEqual(4, root.GetProperty("trials").GetInt32());
        double golden = root.GetProperty("golden_seconds_per_pass").GetDouble(), trial = root.GetProperty("seconds_per_trial").GetDouble();
        Assert.IsTrue(golden > 0 && trial > 0, $"golden {golden}, trial {trial}");
        Assert.AreEqual(trial / golden, root.GetProperty("overhead_over_golden").GetDouble(), 1e-9);
        Assert.IsTrue(root.GetProperty("trials_per_second").GetDouble() > 0);
    }

    [TestMethod]
    public void Same_seed_gives_identical_trial_rows_and_the_seed_option_changes_them()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.GetDirectoryName(config)!;
        Assert.AreEqual(0, Cli.Run("run", config, "--out", $"{folder}/a").ExitCode);
        Assert.AreEqual(0, Cli.Run("run", config, "--out", $"{folder}/b").ExitCode);
        Assert.AreEqual(0, Cli.Run("run", config, "--out", $"{folder}/c", "--seed", "6").ExitCode);
        var a = DuckDb.Query($"SELECT {DeterministicColumns} FROM read_parquet('{folder}/a/trials.parquet') ORDER BY trial");
        var b = DuckDb.Query($"SELECT {DeterministicColumns} FROM read_parquet('{folder}/b/trials.parquet') ORDER BY trial");
        var c = DuckDb.Query($"SELECT {DeterministicColumns} FROM read_parquet('{folder}/c/trials.parquet') ORDER BY trial");
        CollectionAssert.AreEqual(a.SelectMany(r => r).ToList(), b.SelectMany(r => r).ToList());
        CollectionAssert.AreNotEqual(a.SelectMany(r => r).ToList(), c.SelectMany(r => r).ToList());
        var observersA = DuckDb.Query($"SELECT trial, layer, value FROM read_parquet('{folder}/a/observers.parquet') ORDER BY ALL");
        var observersB = DuckDb.Query($"SELECT trial, layer, value FROM read_parquet('{folder}/b/observers.parquet') ORDER BY ALL");
        CollectionAssert.AreEqual(observersA.SelectMany(r => r).ToList(), observersB.SelectMany(r => r).ToList());
    }

    [TestMethod]
    public void Shipped_default_config_shows_accuracy_falling_with_ber()
    {
        string output = Repo.TempFolder("default");
        var result = Cli.Run("run", Path.Combine(Repo.Root, "mrfi.toml"), "--out", output);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var points = DuckDb.Query($"SELECT ber, avg(accuracy), any_value(golden_accuracy), any_value(float_accuracy), count(*) FROM " +
            $"read_parquet('{output}/trials.parquet') GROUP BY ber ORDER BY ber");
        Assert.HasCount(5, points);
        double floatAccuracy = (double)points[0][3]!;
        Assert.AreEqual(0.885, floatAccuracy, 1e-9, "the bundled model's PyTorch accuracy on these 1000 images");
        Assert.AreEqual(floatAccuracy, (double)points[0][2]!, 0.01, "golden = float within 8-bit quantization error");
        Assert.IsLessThan((double)points[0][1]! - 0.05, (double)points[4][1]!, "BER 1e-2 costs accuracy");
        Assert.IsLessThan((double)points[2][1]!, (double)points[4][1]!);
        var layers = DuckDb.Query($"SELECT DISTINCT layer FROM read_parquet('{output}/observers.parquet') ORDER BY layer")
            .Select(r => (string)r[0]!).ToList();
        CollectionAssert.AreEqual(new[] { "conv1", "conv2", "fc1", "fc2", "fc3" }, layers);
    }

    [TestMethod]
    public void Results_go_to_a_fresh_folder_under_the_configured_output()
    {
        string config = Cli.Config(Cli.Small.Replace("seed = 5", "seed = 5\noutput = \"runs\"", StringComparison.Ordinal)
            .Replace("repeats = 2", "repeats = 1", StringComparison.Ordinal));
        Assert.AreEqual(0, Cli.Run("run", config).ExitCode);
        Assert.AreEqual(0, Cli.Run("run", config).ExitCode);
        var runs = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(config)!, "runs"));
        Assert.HasCount(2, runs);
        Assert.IsTrue(runs.All(r => File.Exists(Path.Combine(r, "trials.parquet"))));
    }

    [TestMethod]
    public void A_single_trial_replayed_alone_equals_its_row_in_the_full_run()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.GetDirectoryName(config)!;
        Assert.AreEqual(0, Cli.Run("run", config, "--out", $"{folder}/full").ExitCode);
        var replay = Cli.Run("run", config, "--out", $"{folder}/replay", "--trial", "3");
        Assert.AreEqual(0, replay.ExitCode, replay.Output);
        var full = DuckDb.Query($"SELECT {DeterministicColumns} FROM read_parquet('{folder}/full/trials.parquet') WHERE trial = 3");
        var alone = DuckDb.Query($"SELECT {DeterministicColumns} FROM read_parquet('{folder}/replay/trials.parquet')");
        Assert.HasCount(1, alone);
        CollectionAssert.AreEqual(full.Single(), alone.Single());
        var fullObservers = DuckDb.Query(
            $"SELECT layer, value FROM read_parquet('{folder}/full/observers.parquet') WHERE trial = 3 ORDER BY layer");
        var aloneObservers = DuckDb.Query($"SELECT layer, value FROM read_parquet('{folder}/replay/observers.parquet') ORDER BY layer");
        CollectionAssert.AreEqual(fullObservers.SelectMany(r => r).ToList(), aloneObservers.SelectMany(r => r).ToList());
        var outOfRange = Cli.Run("run", config, "--out", $"{folder}/x", "--trial", "9");
        Assert.AreEqual(2, outOfRange.ExitCode);
        StringAssert.Contains(outOfRange.Output, "the campaign has trials 0 to 3");
    }

    [TestMethod]
    public void Json_option_holds_the_trials_parquet_numbers_and_each_points_golden_pass()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.GetDirectoryName(config)!;
        string json = Path.Combine(folder, "run.json");
        var result = Cli.Run("run", config, "--out", $"{folder}/out", "--json", json);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        var trials = root.GetProperty("trials").EnumerateArray().ToList();
        var rows = DuckDb.Query($"SELECT trial, point, ber, accuracy, correct, faults, elapsed_s FROM " +
            $"read_parquet('{folder}/out/trials.parquet') ORDER BY trial");
        Assert.HasCount(4, rows);
        Assert.HasCount(rows.Count, trials);
        for (int i = 0; i < rows.Count; i++)
        {
            var t = trials[i];
            Assert.AreEqual(Convert.ToInt64(rows[i][0], CultureInfo.InvariantCulture), t.GetProperty("trial").GetInt64());
            Assert.AreEqual(Convert.ToInt32(rows[i][1], CultureInfo.InvariantCulture), t.GetProperty("point").GetInt32());
            Assert.AreEqual(Convert.ToDouble(rows[i][2], CultureInfo.InvariantCulture),
                t.GetProperty("sweep").GetProperty("ber").GetDouble());
            Assert.AreEqual(Convert.ToDouble(rows[i][3], CultureInfo.InvariantCulture), t.GetProperty("accuracy").GetDouble());
            Assert.AreEqual(Convert.ToInt64(rows[i][4], CultureInfo.InvariantCulture), t.GetProperty("correct").GetInt64());
            Assert.AreEqual(Convert.ToInt64(rows[i][5], CultureInfo.InvariantCulture), t.GetProperty("faults").GetInt64());
            Assert.AreEqual(Convert.ToDouble(rows[i][6], CultureInfo.InvariantCulture), t.GetProperty("elapsed_s").GetDouble());
        }
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "manifest.json")));
        foreach (var key in new[] { "float_accuracy", "golden_seconds_per_pass", "seconds_per_trial", "early_exit_batches" })
            Assert.AreEqual(manifest.RootElement.GetProperty(key).GetDouble(), root.GetProperty(key).GetDouble(), key);
        // One golden pass per sweep point; the manifest's figure is their mean.
        var golden = root.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("point").GetInt32(), p.GetProperty("golden_seconds").GetDouble())).ToList();
        CollectionAssert.AreEqual(new[] { 0, 1 }, golden.Select(g => g.Item1).ToArray());
        Assert.IsTrue(golden.All(g => g.Item2 > 0));
        Assert.AreEqual(golden.Average(g => g.Item2), root.GetProperty("golden_seconds_per_pass").GetDouble(), 1e-12);
    }

    [TestMethod]
    public void Json_option_into_a_missing_folder_fails_before_the_campaign_runs()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.GetDirectoryName(config)!;
        var result = Cli.Run("run", config, "--out", $"{folder}/out", "--json", $"{folder}/missing/run.json");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "--json");
        StringAssert.Contains(result.Output, "does not exist");
        Assert.IsFalse(Directory.Exists($"{folder}/out"), "no results folder for a run that never started");
    }

    [TestMethod]
    public void Threads_below_one_is_a_user_error()
    {
        var result = Cli.Run("run", Cli.Config(Cli.Small), "--threads", "0");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "--threads 0: give at least 1");
    }
}
