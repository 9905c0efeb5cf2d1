namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class PluginCommandTests
{
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;

    private static string Fake => Path.Combine(Repo.Root, "tests", "Mrfi.TestPlugins", "bin", Configuration, "net10.0", "linux-x64",
        "Mrfi.Plugins.Fake.dll");

    private static string WithFake(string toml) => $"plugins = [\"{Fake}\"]\n" + toml;

    [TestMethod]
    public void Validate_lists_the_plugins_a_config_loads()
    {
        string toml = WithFake(Cli.Small.Replace("method = \"IntRandomBitFlip\", bit_width = 8", "method = \"Negate\"",
            StringComparison.Ordinal)
            .Replace("quantization = { method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }\n", "",
                StringComparison.Ordinal)
            .Replace("ber = \"$ber\"", "rate = 1e-3", StringComparison.Ordinal)
            .Replace("rate = \"$ber * 8\"", "rate = 1e-3", StringComparison.Ordinal));
        var result = Cli.Run("validate", Cli.Config(toml));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "plugin fake:");
        StringAssert.Contains(result.Output, "Mrfi.Plugins.Fake.dll");
    }

    [TestMethod]
    public void List_with_a_config_shows_plugin_components_and_their_origin()
    {
        var result = Cli.Run("list", "error_model", "--config", Cli.Config(WithFake(Cli.Small)));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "Negate");
        StringAssert.Contains(result.Output, "fake");
        StringAssert.Contains(result.Output, "builtin/SetZero");
        StringAssert.Contains(result.Output, "fake/SetZero");
    }

    [TestMethod]
    public void Every_shipped_example_validates_with_its_plugins()
    {
        var configs = Directory.GetFiles(Path.Combine(Repo.Root, "examples"), "mrfi.toml", SearchOption.AllDirectories)
            .Append(Path.Combine(Repo.Root, "mrfi.toml"));
        foreach (var config in configs)
        {
            var result = Cli.Run("validate", config);
            Assert.AreEqual(0, result.ExitCode, $"{config}: {result.Output}");
        }
    }

    [TestMethod]
    public void Sample_plugin_example_runs_and_high_stuck_bits_change_more_predictions()
    {
        string output = Repo.TempFolder("systolic");
        var result = Cli.Run("run", Path.Combine(Repo.Root, "examples", "plugin-systolic", "mrfi.toml"), "--out", output);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var rows = DuckDb.Query($"SELECT t.stuck, o.value FROM read_parquet('{output}/trials.parquet') t JOIN " +
            $"read_parquet('{output}/observers.parquet') o USING (trial) WHERE o.metric = 'topk_change' ORDER BY t.stuck");
        Assert.HasCount(8, rows);
        Assert.IsGreaterThan((double)rows[0][1]!, (double)rows[7][1]!, "a stuck sign bit hurts more than a stuck LSB");
    }
}
