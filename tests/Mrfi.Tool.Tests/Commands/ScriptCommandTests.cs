namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class ScriptCommandTests
{
    /// <summary>A copy of examples/scripts in a temp folder (scripts save beside themselves), pointing at the bundled assets.</summary>
    private static string Scripts()
    {
        string folder = Path.Combine(Repo.TempFolder("scripts"), "scripts");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "examples", "scripts")))
        {
            string text = File.ReadAllText(file).Replace("../assets", Repo.Assets, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), text);
        }
        return folder;
    }

    [TestMethod]
    public void Layer_script_runs_one_layer_at_a_time_and_saves_tagged_trials()
    {
        string folder = Scripts();
        var result = Cli.Run("script", Path.Combine(folder, "layer-sensitivity.csx"), "1");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        foreach (var layer in new[] { "conv1", "conv2", "fc1", "fc2", "fc3" }) StringAssert.Contains(result.Output, layer);
        var rows = DuckDb.Query($"SELECT layer, count(*), min(golden_accuracy) FROM " +
            $"read_parquet('{folder}/results/layer-sensitivity/trials.parquet') GROUP BY layer ORDER BY layer");
        Assert.HasCount(5, rows);
        CollectionAssert.AreEqual(new object[] { "conv1", 1L }, rows[0][..2], "a text tag is a string column");
        // One point per run, so that points.parquet has a row per layer.
        var points = DuckDb.Query($"SELECT point, layer FROM read_parquet('{folder}/results/layer-sensitivity/points.parquet') ORDER BY " +
            $"point");
        CollectionAssert.AreEqual(new[] { "conv1", "conv2", "fc1", "fc2", "fc3" }, points.Select(p => (string)p[1]!).ToArray());
    }

    [TestMethod]
    public void A_tag_that_is_a_number_in_one_run_and_text_in_another_is_refused_by_name()
    {
        string folder = Scripts();
        string script = Path.Combine(folder, "mixed.csx");
        File.WriteAllText(script, "var exp = Load(\"base.toml\");\nexp.Run(1, tag: new() { [\"format\"] = 8 });\n" +
            "exp.Run(1, tag: new() { [\"format\"] = \"int8\" });\nSave(\"results/mixed\");\n");
        var result = Cli.Run("script", script);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "tag 'format' is a number in some runs and a string in others");
        Assert.DoesNotContain("   at ", result.Output);
    }

    [TestMethod]
    public void A_tag_named_like_a_results_column_is_refused_before_any_trial()
    {
        string folder = Scripts();
        string script = Path.Combine(folder, "reserved.csx");
        File.WriteAllText(script, "var exp = Load(\"base.toml\");\nexp.Run(1, tag: new() { [\"sdc\"] = 1 });\n" +
            "Save(\"results/reserved\");\n");
        var result = Cli.Run("script", script);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "tag 'sdc' would clash with a column of trials.parquet");
        Assert.IsFalse(Directory.Exists(Path.Combine(folder, "results", "reserved")));
        Assert.DoesNotContain("   at ", result.Output);
    }

    [TestMethod]
    public void Bit_script_shows_the_sign_bit_hurting_most()
    {
        string folder = Scripts();
        var result = Cli.Run("script", Path.Combine(folder, "bit-sensitivity.csx"));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var rows = DuckDb.Query($"SELECT bit, avg(changed) FROM read_parquet('{folder}/results/bit-sensitivity/trials.parquet') GROUP BY " +
            $"bit ORDER BY bit");
        Assert.HasCount(8, rows);
        double sign = (double)rows[7][1]!;
        Assert.IsTrue(rows.Take(7).All(r => (double)r[1]! < sign), "flipping the sign bit changes the most predictions");
    }

    [TestMethod]
    public void Channel_script_runs_and_reports_rmse_per_channel()
    {
        string folder = Scripts();
        var result = Cli.Run("script", Path.Combine(folder, "channel-sensitivity.csx"));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var rows = DuckDb.Query($"SELECT count(DISTINCT channel), min(value) FROM " +
            $"read_parquet('{folder}/results/channel-sensitivity/trials.parquet') JOIN " +
            $"read_parquet('{folder}/results/channel-sensitivity/observers.parquet') USING (trial)");
        Assert.AreEqual(6L, rows[0][0]);
        Assert.IsGreaterThan(0.0, (double)rows[0][1]!, "every channel's faults move the output");
    }

    [TestMethod]
    public void Script_compile_errors_name_the_line()
    {
        string script = Path.Combine(Repo.TempFolder("bad-script"), "bad.csx");
        File.WriteAllText(script, "var x = 1;\nPrint(undefinedThing);\n");
        var result = Cli.Run("script", script);
        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Output, "bad.csx(2,7): error CS0103");
        Assert.DoesNotContain("   at ", result.Output);
    }

    [TestMethod]
    public void Script_exceptions_and_engine_errors_are_reported_cleanly()
    {
        string folder = Scripts();
        string script = Path.Combine(folder, "throws.csx");
        File.WriteAllText(script, "var exp = Load(\"base.toml\");\nexp.Update(\"nope\", e => e);\n");
        var result = Cli.Run("script", script);
        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Output, "no fault entry named 'nope'; the config has: weights, conv1-out");
        File.WriteAllText(script, "Print(1);\nthrow new InvalidOperationException(\"stop here\");\n");
        var thrown = Cli.Run("script", script);
        Assert.AreEqual(2, thrown.ExitCode);
        StringAssert.Contains(thrown.Output, "throws.csx(2,");
        StringAssert.Contains(thrown.Output, "the script threw InvalidOperationException: stop here");
    }
}
