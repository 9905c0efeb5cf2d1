namespace Mrfi.Tool.Tests.Commands;

/// <summary>Module selectors take sweep variables: one entry sweeps over layers, faulting only the named layer at each point.</summary>
[TestClass]
public sealed class SweptModulesTests
{
    private static string PerLayer(string selector) => Cli.Small
        .Replace("ber = [1e-5, 1e-2]", "ber = [1e-2]\nlayer = [\"conv1\", \"conv2\", \"fc3\"]", StringComparison.Ordinal)
        .Replace("module_type = [\"Conv2d\", \"Linear\"]", selector, StringComparison.Ordinal);

    [TestMethod]
    public void A_sweep_over_layer_names_faults_only_the_named_layer_at_each_point()
    {
        string config = Cli.Config(PerLayer("module_name = \"$layer\""));
        string output = Path.Combine(Path.GetDirectoryName(config)!, "out");
        var result = Cli.Run("run", config, "--out", output);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var rows = DuckDb.Query($"""
            SELECT t.layer, string_agg(DISTINCT f.layer, ',' ORDER BY f.layer), count(*)
            FROM read_parquet('{output}/faults.parquet') f JOIN read_parquet('{output}/trials.parquet') t USING (trial)
            GROUP BY t.layer ORDER BY t.layer
            """);
        Assert.HasCount(3, rows, "every point injected faults");
        foreach (var row in rows)
            Assert.AreEqual(row[0], row[1], $"the point layer = {row[0]} faulted only that layer ({row[2]} faults)");
    }

    [TestMethod]
    public void Module_fullname_takes_a_sweep_variable_inside_a_name()
    {
        string config = Cli.Config(PerLayer("module_fullname = \"$layer\""));
        var result = Cli.Run("plan", config);
        Assert.AreEqual(0, result.ExitCode, result.Output);
    }

    [TestMethod]
    public void A_misspelt_sweep_variable_in_a_selector_suggests_the_variable()
    {
        var result = Cli.Run("validate", Cli.Config(PerLayer("module_name = \"$layr\"")));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "mrfi.toml(");
        StringAssert.Contains(result.Output, "names $layr, which is no sweep variable. Did you mean 'layer'?");
    }

    [TestMethod]
    public void A_sweep_value_naming_no_layer_names_the_point()
    {
        var result = Cli.Run("validate",
            Cli.Config(PerLayer("module_name = \"$layer\"").Replace("\"fc3\"", "\"fc9\"", StringComparison.Ordinal)));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "at ber = 0.01, layer = fc9 matches no module of the model");
    }

    [TestMethod]
    public void A_regex_in_module_name_is_told_that_selectors_take_names_or_globs()
    {
        var result = Cli.Run("validate",
            Cli.Config(Cli.Small.Replace("module_type = [\"Conv2d\", \"Linear\"]", "module_name = \"^conv[12]$\"",
                StringComparison.Ordinal)));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "module_name takes a part of a module name or a glob with * and ?");
        StringAssert.Contains(result.Output, "not regular expressions");
    }
}
