namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class ListCommandTests
{
    [TestMethod]
    public void List_prints_every_kind_with_parameters_and_defaults()
    {
        var result = Cli.Run("list");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        foreach (var text in new[] { "SymmetricQuantization", "SymmericQuantization", "RandomPositionByRate_classic", "IntStuckAt",
            "TopKChange", "LeNet", "poisson = true", "bit_width" })
            StringAssert.Contains(result.Output, text);
    }

    [TestMethod]
    public void List_of_one_kind_and_a_misspelt_kind()
    {
        var observers = Cli.Run("list", "observer");
        Assert.AreEqual(0, observers.ExitCode);
        StringAssert.Contains(observers.Output, "Histogram");
        Assert.DoesNotContain("IntStuckAt", observers.Output);
        var wrong = Cli.Run("list", "observr");
        Assert.AreEqual(2, wrong.ExitCode);
        StringAssert.Contains(wrong.Output, "Did you mean 'observer'?");
    }

    [TestMethod]
    public void Markdown_into_a_file_replaces_the_generated_block()
    {
        string file = Path.Combine(Repo.TempFolder("docs"), "components.md");
        File.WriteAllText(file, "# Components\nhand-written\n");
        Assert.AreEqual(0, Cli.Run("list", "--markdown", "--into", file).ExitCode);
        string once = File.ReadAllText(file);
        StringAssert.Contains(once, "hand-written");
        StringAssert.Contains(once, "| `IntMultiBitFlip` |");
        Assert.AreEqual(0, Cli.Run("list", "--markdown", "--into", file).ExitCode);
        Assert.AreEqual(once, File.ReadAllText(file), "idempotent");
    }

    [TestMethod]
    public void Bench_selectors_prints_the_ratio_per_rate()
    {
        var result = Cli.Run("bench-selectors", "--size", "100000", "--iterations", "2");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "1e-3");
        StringAssert.Contains(result.Output, "classic / fast");
    }

    [TestMethod]
    public void Bench_inline_reports_compile_times_and_per_call_cost()
    {
        var result = Cli.Run("bench-inline", "--calls", "200");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "first snippet compile (cold Roslyn)");
        StringAssert.Contains(result.Output, "snippet from the disk cache");
        StringAssert.Contains(result.Output, "SetZero, inline C#, per call");
    }
}
