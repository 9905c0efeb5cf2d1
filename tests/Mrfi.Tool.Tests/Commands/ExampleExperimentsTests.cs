using System.Globalization;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>Every experiment under examples/exp*, and examples/inline-csharp, reduced to a few images, repeats and sweep
/// values, run as its README says (a config with `run`, or a script) and drawn with `report`, so that none of them rots.</summary>
[TestClass]
public sealed class ExampleExperimentsTests
{
    /// <summary>Copies the config and script files of examples/<paramref name="example"/> into a temp folder (scripts save
    /// beside themselves), pointing them at the bundled assets and applying <paramref name="reduce"/>'s replacements.</summary>
    private static string Copy(string example, params (string From, string To)[] reduce)
    {
        string folder = Path.Combine(Repo.TempFolder("experiment"), Path.GetFileName(example));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "examples", example))
            .Where(f => f.EndsWith(".toml", StringComparison.Ordinal) || f.EndsWith(".csx", StringComparison.Ordinal)))
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
    public void Exp7_mx_script_saves_one_curve_per_format_and_part()
    {
        string folder = Copy("exp7-mx-formats",
            ("limit = 500", "limit = 40"), ("batch_size = 250", "batch_size = 40"),
            ("ber = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]", "ber = [1e-4, 1e-2]"));
        try
        {
            AssertReduced(folder, "limit = 40", "ber = [1e-4, 1e-2]");
            var result = Cli.Run("script", Path.Combine(folder, "mx.csx"), "1");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            string results = Path.Combine(folder, "results", "lenet");
            var rows = DuckDb.Query($"SELECT count(DISTINCT format), count(DISTINCT ber), count(*) FROM " +
                $"read_parquet('{results}/trials.parquet')");
            CollectionAssert.AreEqual(new object[] { 7L, 2L, 14L }, rows[0]);
            // At 1e-2 every format is hit, the scales too (about 1,840 blocks × 8 bits × 1e-2 ≈ 147 per forward).
            var hit = DuckDb.Query($"SELECT min(faults) FROM read_parquet('{results}/trials.parquet') WHERE ber = 1e-2");
            Assert.IsGreaterThan(0L, (long)hit[0][0]!, "every format injected faults at 1e-2");
            AssertReport(results, "accuracy-vs-ber.png");
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Exp7_mx_script_on_resnet18_saves_every_format_and_three_panels_that_hold_the_same_trials()
    {
        // 40 images (the first classes of the folder: a smoke test of the wiring, not of the accuracy).
        string folder = Copy("exp7-mx-formats",
            ("\nchannels = 1", "\nchannels = 1\nlimit = 40"), ("ber = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]", "ber = [1e-4, 1e-2]"));
        try
        {
            AssertReduced(folder, "limit = 40", "ber = [1e-4, 1e-2]");
            var result = Cli.Run("script", Path.Combine(folder, "mx.csx"), "1", "resnet18");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            string results = Path.Combine(folder, "results", "resnet18");
            var rows = DuckDb.Query($"SELECT count(DISTINCT format), count(DISTINCT ber), count(*) FROM " +
                $"read_parquet('{results}/trials.parquet')");
            CollectionAssert.AreEqual(new object[] { 7L, 2L, 14L }, rows[0]);
            string panels = Path.Combine(folder, "results", "resnet18-panels");
            var inPanels = DuckDb.Query($"SELECT count(*), count(DISTINCT p.format) FROM read_parquet('{panels}/*/trials.parquet') p " +
                $"JOIN read_parquet('{results}/trials.parquet') t ON p.format = t.format AND p.ber = t.ber AND p.accuracy = t.accuracy " +
                $"AND p.faults = t.faults");
            CollectionAssert.AreEqual(new object[] { 14L, 7L }, inPanels[0], "each trial in exactly one panel, with its numbers");
            AssertReport(Path.Combine(panels, "mxfp4"), "accuracy-vs-ber.png");
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Exp1_formats_script_saves_one_curve_per_format_for_weights_and_activations()
    {
        string folder = Copy("exp1-formats-ber",
            ("limit = 500", "limit = 40"), ("batch_size = 250", "batch_size = 40"),
            ("ber = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]", "ber = [1e-4, 1e-2]"));
        try
        {
            AssertReduced(folder, "limit = 40", "ber = [1e-4, 1e-2]");
            var result = Cli.Run("script", Path.Combine(folder, "formats.csx"), "1");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            foreach (var target in new[] { "weights", "activations" })
            {
                string results = Path.Combine(folder, "results", target);
                var rows = DuckDb.Query($"SELECT count(DISTINCT format), count(DISTINCT ber), count(*) FROM " +
                    $"read_parquet('{results}/trials.parquet')");
                CollectionAssert.AreEqual(new object[] { 7L, 2L, 14L }, rows[0]);
                AssertReport(results, "accuracy-vs-ber.png");
            }
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Exp2_error_propagation_draws_equal_rate_mae_rmse_per_layer_and_feature_maps_for_both_fault_sites()
    {
        string folder = Copy("exp2-error-propagation", ("limit = 1000", "limit = 40"), ("batch_size = 250", "batch_size = 40"),
            ("repeats = 20", "repeats = 1"));
        try
        {
            AssertReduced(folder, "limit = 40", "repeats = 1");
            string results = RunConfig(folder);
            var rows = DuckDb.Query($"SELECT site, avg(faults) FROM read_parquet('{results}/trials.parquet') GROUP BY site ORDER BY site");
            CollectionAssert.AreEqual(new object[] { "conv1-activation", 40.0 }, rows[0], "one activation flip per image");
            CollectionAssert.AreEqual(new object[] { "conv1-weight", 1.0 }, rows[1], "one weight flip per forward");
            AssertReport(results, "observer-equalrate-equal-rate.png", "observer-mae.png", "observer-rmse.png", "featuremaps-conv1.png",
                "featuremaps-conv2.png");
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Exp3_global_and_layerwise_quantization_draw_rmse_bars_and_the_scale_sweep_an_accuracy_curve()
    {
        string global = Copy("exp3-quantization/global-vs-layerwise", ("limit = 1000", "limit = 40"),
            ("batch_size = 250", "batch_size = 40"), ("repeats = 10", "repeats = 1"));
        string scale = Copy("exp3-quantization/scale",
            ("limit = 1000", "limit = 40"), ("batch_size = 250", "batch_size = 40"), ("repeats = 5", "repeats = 1"),
            ("scale = [0.25, 0.5, 0.75, 1, 1.5, 2, 4]", "scale = [0.5, 2]"));
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
        string bit = Copy("exp4-sensitivity/bit", ("limit = 500", "limit = 20"), ("batch_size = 250", "batch_size = 20"),
            ("repeats = 3", "repeats = 1"));
        string channel = Copy("exp4-sensitivity/channel",
            ("limit = 500", "limit = 20"), ("batch_size = 250", "batch_size = 20"), ("repeats = 10", "repeats = 2"),
            ("channel = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]", "channel = [0, 1, 2]"));
        string pixel = Copy("exp4-sensitivity/pixel", ("limit = 500", "limit = 20"), ("batch_size = 250", "batch_size = 20"));
        // The pixel sweep lists 0 … 195; a 2 × 2 square keeps the heat map and takes four trials.
        string pixelToml = Path.Combine(pixel, "mrfi.toml");
        File.WriteAllText(pixelToml, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(pixelToml), @"pixel = \[[0-9, ]+\]",
            "pixel = [0, 1, 2, 3]"));
        try
        {
            AssertReduced(bit, "limit = 20", "repeats = 1");
            AssertReduced(channel, "channel = [0, 1, 2]");
            AssertReduced(pixel, "limit = 20", "pixel = [0, 1, 2, 3]");
            string bits = RunConfig(bit);
            var rows = DuckDb.Query($"SELECT format, count(DISTINCT bit) FROM read_parquet('{bits}/trials.parquet') GROUP BY format " +
                $"ORDER BY format");
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
            ("limit = 200", "limit = 20"), ("batch_size = 200", "batch_size = 20"),
            ("ber = [1e-7, 3e-7, 1e-6, 3e-6, 1e-5, 3e-5]", "ber = [1e-7, 1e-5]"));
        try
        {
            AssertReduced(folder, "limit = 20", "ber = [1e-7, 1e-5]");
            var result = Cli.Run("script", Path.Combine(folder, "selection.csx"), "2");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            string results = Path.Combine(folder, "results", "selection");
            var rows = DuckDb.Query($"SELECT selector, ber, max(faults) FROM read_parquet('{results}/trials.parquet') GROUP BY selector, " +
                $"ber ORDER BY selector, ber");
            Assert.HasCount(6, rows);
            CollectionAssert.AreEqual(new[] { "bernoulli", "bernoulli", "poisson", "poisson", "rounded", "rounded" },
                rows.Select(r => (string)r[0]!).ToArray());
            Assert.AreEqual(0L, Convert.ToInt64(rows[4][2], CultureInfo.InvariantCulture),
                "rounded: 61 470 × 32 × 1e-7 per tensor rounds to zero faults");
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

    [TestMethod]
    public void Inline_csharp_example_faults_the_checkerboard_of_conv1_channel_2_as_its_snippets_say()
    {
        // 50 images in batches of 20, 20 and 10: the selector must follow each batch's own N.
        string folder = Copy("inline-csharp", ("limit = 1000", "limit = 50"), ("batch_size = 100", "batch_size = 20"));
        try
        {
            AssertReduced(folder, "limit = 50", "batch_size = 20");
            string results = RunConfig(folder);

            // The rule the README states, computed here from conv1's documented output [N, 6, 28, 28]: channel 2, every
            // pixel whose row + column is even, in every image; in flat row-major order.
            var expected = new List<(long Batch, string Coordinates)>();
            foreach (var (batch, images) in new[] { (0L, 20), (1L, 20), (2L, 10) })
                for (int n = 0; n < images; n++)
                    for (int h = 0; h < 28; h++)
                        for (int w = 0; w < 28; w++)
                            if ((h + w) % 2 == 0) expected.Add((batch, $"{n},2,{h},{w}"));
            var faults = DuckDb.Query($"SELECT batch, coordinates FROM read_parquet('{results}/faults.parquet') WHERE layer = 'conv1' " +
                $"AND tensor = 'output' ORDER BY batch, index");
            CollectionAssert.AreEqual(expected,
                faults.Select(r => (Convert.ToInt64(r[0], CultureInfo.InvariantCulture), (string)r[1]!)).ToList(),
                "the positions the selector picked");
            Assert.AreEqual(50L * 392, Convert.ToInt64(DuckDb.Query($"SELECT faults FROM read_parquet('{results}/trials.parquet')")[0][0],
                CultureInfo.InvariantCulture));

            // Quantizer: integers in [-128, 127] at scale 2^5; error model: bits 7 and 6 of the byte cleared (x AND 0x3F).
            var wrong = DuckDb.Query($"""
                SELECT count(*) FILTER (WHERE original_int NOT BETWEEN -128 AND 127 OR original <> original_int / 32.0),
                       count(*) FILTER (WHERE faulty_int <> (original_int & 63) OR faulty <> faulty_int / 32.0),
                       count(*) FILTER (WHERE faulty_int <> original_int)
                FROM read_parquet('{results}/faults.parquet')
                """)[0];
            Assert.AreEqual(0L, Convert.ToInt64(wrong[0], CultureInfo.InvariantCulture), "quantized values");
            Assert.AreEqual(0L, Convert.ToInt64(wrong[1], CultureInfo.InvariantCulture), "stuck-at-zero values");
            Assert.IsGreaterThan(0L, Convert.ToInt64(wrong[2], CultureInfo.InvariantCulture), "some values had a top bit set");

            // Observer: at fc3 the share of changed argmax is the engine's own count of changed predictions.
            var top1 = DuckDb.Query($"""
                SELECT o.layer, o.value, t.changed / t.total FROM read_parquet('{results}/observers.parquet') o
                JOIN read_parquet('{results}/trials.parquet') t USING (trial) WHERE o.metric = 'top1_change' ORDER BY o.layer
                """);
            CollectionAssert.AreEqual(new[] { "conv1", "conv2", "fc1", "fc2", "fc3" }, top1.Select(r => (string)r[0]!).ToArray());
            Assert.AreEqual(Convert.ToDouble(top1[4][2], CultureInfo.InvariantCulture), (double)top1[4][1]!, 1e-12,
                "fc3's top-1 change is the share of changed predictions");
            Assert.IsGreaterThan(0.0, (double)top1[0][1]!, "the fault changes conv1's argmax over channels somewhere");
            AssertReport(results, "observer-inline-top1-change.png");
        }
        finally { Cleanup(folder); }
    }

    [TestMethod]
    public void Inline_csharp_broken_config_and_no_scripts_give_the_errors_the_readme_quotes()
    {
        string folder = Copy("inline-csharp");
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "examples", "inline-csharp", "README.md"));
        try
        {
            // The mistake: `value` (an observer's parameter) in an error model, which gets `values`.
            string broken = Path.Combine(folder, "broken.toml");
            var lines = File.ReadAllLines(broken);
            int line = Array.FindIndex(lines, l => l.StartsWith("return value.", StringComparison.Ordinal)) + 1;
            int column = lines[line - 1].IndexOf("value.", StringComparison.Ordinal) + 1;
            string quoted = $"examples/inline-csharp/broken.toml({line},{column}): error CS0103: The name 'value' does not exist in the " +
                $"current context";
            StringAssert.Contains(readme, quoted);
            var validate = Cli.Run("validate", broken);
            Assert.AreEqual(2, validate.ExitCode, validate.Output);
            StringAssert.Contains(validate.Output, $"{folder}/{quoted["examples/inline-csharp/".Length..]}");

            var refused = Cli.Run("run", Path.Combine(folder, "mrfi.toml"), "--no-scripts", "--out", Path.Combine(folder, "results"));
            Assert.AreEqual(2, refused.ExitCode, refused.Output);
            var errors = refused.Output.Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
            Assert.IsNotEmpty(errors);
            foreach (var error in errors)
            {
                StringAssert.Contains(error, "--no-scripts refuses");
                StringAssert.Contains(readme, "examples/inline-csharp/" + error.Trim()[(folder.Length + 1)..],
                    "the README quotes --no-scripts' output");
            }
        }
        finally { Cleanup(folder); }
    }
}
