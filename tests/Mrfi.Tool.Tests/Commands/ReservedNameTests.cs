namespace Mrfi.Tool.Tests.Commands;

/// <summary>A sweep variable becomes a column of trials.parquet and points.parquet, so it may not take the name of a column
/// the writer writes there: a second column of the same name makes the folder unreadable to `report`.</summary>
[TestClass]
public sealed class ReservedNameTests
{
    /// <summary>Every column of the two tables as the tool writes them now, read back from a tiny run's files (so a new
    /// column of the writer is covered without touching this test), less the run's own sweep variable.</summary>
    private static readonly Lazy<IReadOnlyList<string>> WrittenColumns = new(() =>
    {
        string config = Cli.Config(Cli.Small.Replace("limit = 200", "limit = 50", StringComparison.Ordinal)
            .Replace("repeats = 2", "repeats = 1", StringComparison.Ordinal));
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "tiny");
        var run = Cli.Run("run", config, "--out", folder);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        return [.. new[] { "trials.parquet", "points.parquet" }.SelectMany(f => DuckDb.Schema(Path.Combine(folder, f)).Keys).Distinct()
            .Where(c => c != "ber")];
    });

    [TestMethod]
    public void Every_column_the_writer_writes_is_refused_as_a_sweep_variable_on_its_line()
    {
        var columns = WrittenColumns.Value;
        CollectionAssert.IsSubsetOf(new[] { "trial", "sdc", "samples", "accuracy_mean" }, columns.ToList(), "both tables were read");
        var accepted = new List<string>();
        foreach (string column in columns)
        {
            string config = Cli.Config(Cli.Small.Replace("[sweep]\n", $"[sweep]\n{column} = [1, 2]\n", StringComparison.Ordinal));
            int line = File.ReadAllLines(config).ToList().IndexOf($"{column} = [1, 2]") + 1;
            var result = Cli.Run("validate", config);
            string output = result.Output.ReplaceLineEndings(" ");
            if (result.ExitCode != 2 || !output.Contains($"mrfi.toml({line},", StringComparison.Ordinal)
                || !output.Contains($"[sweep] variable '{column}'", StringComparison.Ordinal))
                accepted.Add($"{column} (exit {result.ExitCode}): {output}");
        }
        Assert.IsEmpty(accepted, string.Join("\n", accepted));
    }

    [TestMethod]
    public void Run_refuses_a_sweep_variable_named_sdc_before_writing_anything()
    {
        string config = Cli.Config(Cli.Small.Replace("[sweep]\n", "[sweep]\nsdc = [1, 2]\n", StringComparison.Ordinal));
        int line = File.ReadAllLines(config).ToList().IndexOf("sdc = [1, 2]") + 1;
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "sdc-run");
        var result = Cli.Run("run", config, "--out", folder);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output.ReplaceLineEndings(" "), $"mrfi.toml({line},");
        StringAssert.Contains(result.Output, "[sweep] variable 'sdc' would clash");
        Assert.IsFalse(Directory.Exists(folder), "no results folder with two sdc columns");
    }

    [TestMethod]
    public void The_refusal_lists_the_reserved_names()
    {
        string config = Cli.Config(Cli.Small.Replace("[sweep]\n", "[sweep]\nsdc = [1, 2]\n", StringComparison.Ordinal));
        var result = Cli.Run("validate", config);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        string output = result.Output.ReplaceLineEndings("");
        foreach (string column in WrittenColumns.Value) StringAssert.Contains(output, column);
        StringAssert.Contains(output, "choose another name");
    }
}
