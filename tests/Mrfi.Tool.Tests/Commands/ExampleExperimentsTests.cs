namespace Mrfi.Tool.Tests.Commands;

/// <summary>Every experiment under examples/exp*, reduced to a few images, repeats and sweep values, run as its README
/// says (a config with `run`, or a script) and drawn with `report`, so that none of them rots.</summary>
[TestClass]
public sealed class ExampleExperimentsTests
{
    /// <summary>Copies the config and script files of examples/<paramref name="example"/> into a temp folder (scripts save
    /// beside themselves), pointing them at the bundled assets and applying <paramref name="reduce"/>'s replacements.</summary>
    private static string Copy(string example, params (string From, string To)[] reduce)
    {
        string folder = Path.Combine(Repo.TempFolder("experiment"), Path.GetFileName(example));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "examples", example)).Where(f => f.EndsWith(".toml", StringComparison.Ordinal) || f.EndsWith(".csx", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(file)
                .Replace("\"../../assets", $"\"{Repo.Assets}", StringComparison.Ordinal)
                .Replace("\"../assets", $"\"{Repo.Assets}", StringComparison.Ordinal);
            foreach (var (from, to) in reduce)
            {
                if (text.Contains(from, StringComparison.Ordinal)) text = text.Replace(from, to, StringComparison.Ordinal);
            }
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), text);
        }
        return folder;
    }

    /// <summary>Fails unless every replacement was applied somewhere, so a changed example cannot make the test run it in full.</summary>
    private static void AssertReduced(string folder, params string[] expected)
    {
        string all = string.Concat(Directory.GetFiles(folder).Select(File.ReadAllText));
        foreach (var text in expected) StringAssert.Contains(all, text, "the reduction no longer matches the example's text");
    }

    /// <summary>Runs `report --no-html` on <paramref name="results"/> and checks the figures are there.</summary>
    private static void AssertReport(string results, params string[] figures)
    {
        var report = Cli.Run("report", results, "--no-html");
        Assert.AreEqual(0, report.ExitCode, report.Output);
        foreach (var png in figures)
            Assert.IsTrue(File.Exists(Path.Combine(results, "report", png)), $"{png} missing; report said:\n{report.Output}");
    }

    /// <summary>Runs the folder's mrfi.toml into folder/results and returns that folder.</summary>
    private static string RunConfig(string folder)
    {
        string results = Path.Combine(folder, "results");
        var run = Cli.Run("run", Path.Combine(folder, "mrfi.toml"), "--out", results);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        return results;
    }

    private static void Cleanup(string folder) => Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);

    [TestMethod]
    public void Exp1_formats_script_saves_one_curve_per_format_for_weights_and_activations()
    {
        string folder = Copy("exp1-formats-ber",
            ("limit = 500", "limit = 40"), ("batch_size = 250", "batch_size = 40"), ("ber = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]", "ber = [1e-4, 1e-2]"));
        try
        {
            AssertReduced(folder, "limit = 40", "ber = [1e-4, 1e-2]");
            var result = Cli.Run("script", Path.Combine(folder, "formats.csx"), "1");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            foreach (var target in new[] { "weights", "activations" })
            {
                string results = Path.Combine(folder, "results", target);
                var rows = DuckDb.Query($"SELECT count(DISTINCT format), count(DISTINCT ber), count(*) FROM read_parquet('{results}/trials.parquet')");
                CollectionAssert.AreEqual(new object[] { 7L, 2L, 14L }, rows[0]);
                AssertReport(results, "accuracy-vs-ber.png");
            }
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Exp2_error_propagation_draws_equal_rate_mae_rmse_per_layer_and_feature_maps_for_both_fault_sites()
    {
        string folder = Copy("exp2-error-propagation", ("limit = 1000", "limit = 40"), ("batch_size = 250", "batch_size = 40"), ("repeats = 20", "repeats = 1"));
        try
        {
            AssertReduced(folder, "limit = 40", "repeats = 1");
            string results = RunConfig(folder);
            var rows = DuckDb.Query($"SELECT site, avg(faults) FROM read_parquet('{results}/trials.parquet') GROUP BY site ORDER BY site");
            CollectionAssert.AreEqual(new object[] { "conv1-activation", 40.0 }, rows[0], "one activation flip per image");
            CollectionAssert.AreEqual(new object[] { "conv1-weight", 1.0 }, rows[1], "one weight flip per forward");
            AssertReport(results, "observer-equalrate-equal-rate.png", "observer-mae.png", "observer-rmse.png", "featuremaps-conv1.png", "featuremaps-conv2.png");
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Exp3_global_and_layerwise_quantization_draw_rmse_bars_and_the_scale_sweep_an_accuracy_curve()
    {
        string global = Copy("exp3-quantization/global-vs-layerwise", ("limit = 1000", "limit = 40"), ("batch_size = 250", "batch_size = 40"), ("repeats = 10", "repeats = 1"));
        string scale = Copy("exp3-quantization/scale",
            ("limit = 1000", "limit = 40"), ("batch_size = 250", "batch_size = 40"), ("repeats = 5", "repeats = 1"), ("scale = [0.25, 0.5, 0.75, 1, 1.5, 2, 4]", "scale = [0.5, 2]"));
        try
        {
            AssertReduced(global, "limit = 40", "repeats = 1");
            AssertReduced(scale, "limit = 40", "scale = [0.5, 2]");
            AssertReport(RunConfig(global), "observer-rmse.png");
            AssertReport(RunConfig(scale), "accuracy-vs-scale.png", "observer-rmse.png");
        }
        finally { Cleanup(global); Cleanup(scale); }
    }

    [TestMethod]
    public void Exp4_bit_channel_and_pixel_sweeps_draw_bit_bars_channel_boxes_and_a_pixel_heat_map()
    {
        string bit = Copy("exp4-sensitivity/bit", ("limit = 500", "limit = 20"), ("batch_size = 250", "batch_size = 20"), ("repeats = 3", "repeats = 1"));
        string channel = Copy("exp4-sensitivity/channel",
            ("limit = 500", "limit = 20"), ("batch_size = 250", "batch_size = 20"), ("repeats = 10", "repeats = 2"), ("channel = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]", "channel = [0, 1, 2]"));
        string pixel = Copy("exp4-sensitivity/pixel", ("limit = 500", "limit = 20"), ("batch_size = 250", "batch_size = 20"));
        // The pixel sweep lists 0 … 195; a 2 × 2 square keeps the heat map and takes four trials.
        string pixelToml = Path.Combine(pixel, "mrfi.toml");
        File.WriteAllText(pixelToml, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(pixelToml), @"pixel = \[[0-9, ]+\]", "pixel = [0, 1, 2, 3]"));
        try
        {
            AssertReduced(bit, "limit = 20", "repeats = 1");
            AssertReduced(channel, "channel = [0, 1, 2]");
            AssertReduced(pixel, "limit = 20", "pixel = [0, 1, 2, 3]");
            string bits = RunConfig(bit);
            var rows = DuckDb.Query($"SELECT format, count(DISTINCT bit) FROM read_parquet('{bits}/trials.parquet') GROUP BY format ORDER BY format");
            CollectionAssert.AreEqual(new object[] { "fixpoint-3.13", 17L }, rows[0], "fixed point 3.13 bits 0-16");
            CollectionAssert.AreEqual(new object[] { "float16", 16L }, rows[1], "float16 bits 0-15");
            AssertReport(bits, "accuracy-by-bit.png");
            AssertReport(RunConfig(channel), "boxes-by-channel.png");
            AssertReport(RunConfig(pixel), "accuracy-by-pixel.png");
        }
        finally { Cleanup(bit); Cleanup(channel); Cleanup(pixel); }
    }

    [TestMethod]
    public void Exp5_selection_script_rounds_small_expected_counts_to_no_fault()
    {
        string folder = Copy("exp5-selection",
            ("limit = 200", "limit = 20"), ("batch_size = 200", "batch_size = 20"), ("ber = [1e-7, 3e-7, 1e-6, 3e-6, 1e-5, 3e-5]", "ber = [1e-7, 1e-5]"));
        try
        {
            AssertReduced(folder, "limit = 20", "ber = [1e-7, 1e-5]");
            var result = Cli.Run("script", Path.Combine(folder, "selection.csx"), "2");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            string results = Path.Combine(folder, "results", "selection");
            var rows = DuckDb.Query($"SELECT selector, ber, max(faults) FROM read_parquet('{results}/trials.parquet') GROUP BY selector, ber ORDER BY selector, ber");
            Assert.HasCount(6, rows);
            CollectionAssert.AreEqual(new[] { "bernoulli", "bernoulli", "poisson", "poisson", "rounded", "rounded" }, rows.Select(r => (string)r[0]!).ToArray());
            Assert.AreEqual(0L, Convert.ToInt64(rows[4][2]), "rounded: 61 470 × 32 × 1e-7 per tensor rounds to zero faults");
            AssertReport(results, "accuracy-vs-ber.png");
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Exp6_layer_script_runs_one_resnet_layer_at_a_time_and_draws_layer_bars()
    {
        string folder = Copy("exp6-layer-sensitivity", ("\n\n[run]", "\nlimit = 10\n\n[run]"), ("batch_size = 100", "batch_size = 10"));
        try
        {
            AssertReduced(folder, "limit = 10");
            var result = Cli.Run("script", Path.Combine(folder, "layers.csx"), "1", "3");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            foreach (var layer in new[] { "conv1", "layer1.0.conv1", "layer1.0.conv2" }) StringAssert.Contains(result.Output, layer);
            string results = Path.Combine(folder, "results", "layers");
            var rows = DuckDb.Query($"SELECT DISTINCT layer FROM read_parquet('{results}/trials.parquet') ORDER BY layer");
            CollectionAssert.AreEqual(new[] { "conv1", "layer1.0.conv1", "layer1.0.conv2" }, rows.Select(r => (string)r[0]!).ToArray());
            AssertReport(results, "accuracy-by-layer.png");
        }
        finally { Cleanup(folder); }
    }
}
