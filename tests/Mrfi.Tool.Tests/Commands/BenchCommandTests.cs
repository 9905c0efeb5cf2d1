namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class BenchCommandTests
{
    [TestMethod]
    public void Bench_prints_float_golden_and_faulty_times_with_ratios()
    {
        var result = Cli.Run("bench", Cli.Config(Cli.Small), "--iterations", "3");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "float (no hooks)");
        StringAssert.Contains(result.Output, "golden (quantize)");
        StringAssert.Contains(result.Output, "faulty (quantize + inject)");
        StringAssert.Contains(result.Output, "× float");
        StringAssert.Contains(result.Output, "batch 50");
    }

    [TestMethod]
    public void Bench_rejects_a_non_positive_iteration_count()
    {
        var result = Cli.Run("bench", Cli.Config(Cli.Small), "--iterations", "0");
        Assert.AreNotEqual(0, result.ExitCode);
    }
}
