namespace Mrfi.Tool.Tests.Commands;

/// <summary>`dotnet mrfi run` with a [gate]: thresholds judged after the campaign, a distinct exit code when one fails.</summary>
[TestClass]
public sealed class GateCommandTests
{
    private static (string Config, string Out) Write(string gate)
    {
        string config = Cli.Config(Cli.Small + "\n" + gate);
        return (config, Path.Combine(Path.GetDirectoryName(config)!, "out"));
    }

    private static int LineOf(string config, string text) =>
        Array.FindIndex(File.ReadAllLines(config), l => l.StartsWith(text, StringComparison.Ordinal)) + 1;

    [TestMethod]
    public void A_failed_gate_exits_with_code_3_and_names_the_config_line()
    {
        var (config, output) = Write("""
            [gate]
            point = { ber = 1e-2 }
            accuracy_min = 0.99
            """);
        var result = Cli.Run("run", config, "--out", output);
        Assert.AreEqual(3, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, $"mrfi.toml({LineOf(config, "accuracy_min")},1): error: gate failed at ber = 0.01: accuracy ");
        StringAssert.Contains(result.Output, "must stay ≥ 0.99 (accuracy_min; its lower end is judged)");
        StringAssert.Contains(result.Output, "gate failed: 1 of 1 check(s) did not pass (exit code 3)");
        Assert.IsTrue(File.Exists(Path.Combine(output, "points.parquet")), "the results are written before the gate is judged");
        Assert.DoesNotContain("   at ", result.Output, "no stack trace");
    }

    [TestMethod]
    public void A_gate_that_every_point_meets_exits_with_0_and_says_so()
    {
        var (config, output) = Write("""
            [gate]
            judge = "estimate"
            accuracy_min = 0
            due_max = 1
            """);
        var result = Cli.Run("run", config, "--out", output);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "gate passed at ber = 1E-05: accuracy");
        StringAssert.Contains(result.Output, "gate passed at ber = 0.01: DUE rate");
        StringAssert.Contains(result.Output, "gate passed: 4 check(s)");
    }

    [TestMethod]
    public void Several_gates_report_only_the_failing_thresholds_as_errors()
    {
        var (config, output) = Write("""
            [[gate]]
            point = { ber = 1e-5 }
            critical_sdc_max = 1

            [[gate]]
            point = { ber = 1e-2 }
            judge = "estimate"
            critical_sdc_max = 0
            """);
        var result = Cli.Run("run", config, "--out", output);
        Assert.AreEqual(3, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "gate passed at ber = 1E-05: critical SDC rate");
        StringAssert.Contains(result.Output,
            $"mrfi.toml({LineOf(config, "critical_sdc_max = 0")},1): error: gate failed at ber = 0.01: critical SDC rate");
        StringAssert.Contains(result.Output, "gate failed: 1 of 2 check(s)");
    }

    [TestMethod]
    public void Validate_lists_each_gate_with_its_point_thresholds_and_judgement()
    {
        var (config, _) = Write("""
            [[gate]]
            point = { ber = 1e-2 }
            accuracy_min = 0.5
            critical_sdc_max = 0.1
            """);
        var result = Cli.Run("validate", config);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "gate at ber = 0.01: accuracy_min = 0.5, critical_sdc_max = 0.1 (95 % interval)");
    }

    [TestMethod]
    public void A_gate_at_a_text_value_judges_only_that_value_in_validate_and_run()
    {
        // Two selectors by name; the gate holds the Bernoulli one to an accuracy it cannot reach at ber 1e-2.
        string toml = Cli.Small
            .Replace("ber = [1e-5, 1e-2]", "ber = [1e-5, 1e-2]\nselector = [\"RandomPositionByRate\", \"RandomPositionByRate_classic\"]",
                StringComparison.Ordinal)
            .Replace("selector = { method = \"RandomPositionByRate\",", "selector = { method = \"$selector\",", StringComparison.Ordinal)
            + "\n[gate]\npoint = { selector = \"RandomPositionByRate_classic\", ber = 1e-2 }\njudge = \"estimate\"\naccuracy_min = 0.99\n";
        string config = Cli.Config(toml);
        var validate = Cli.Run("validate", config);
        Assert.AreEqual(0, validate.ExitCode, validate.Output);
        StringAssert.Contains(validate.Output,
            "gate at selector = RandomPositionByRate_classic, ber = 0.01: accuracy_min = 0.99 (estimate)");
        var result = Cli.Run("run", config, "--out", Path.Combine(Path.GetDirectoryName(config)!, "out"));
        Assert.AreEqual(3, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "error: gate failed at ber = 0.01, selector = RandomPositionByRate_classic: accuracy ");
        StringAssert.Contains(result.Output, "gate failed: 1 of 1 check(s)");
    }

    [TestMethod]
    public void A_replay_of_single_trials_does_not_judge_the_gate()
    {
        var (config, output) = Write("""
            [gate]
            accuracy_min = 0.99
            """);
        var result = Cli.Run("run", config, "--out", output, "--trial", "0");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "gate not checked");
    }
}
