namespace Mrfi.Tool.Tests.Commands;

/// <summary>A run that stops on a user error once its results folder exists keeps the finished trials, says how to resume
/// and writes the error to mrfi.log; a mistake found before leaves no folder behind.</summary>
[TestClass]
public sealed class RunFailureTests
{
    /// <summary>An error model that works for its first <paramref name="calls"/> calls (the dry run and some trials) and then
    /// throws; the count lives in the process under a key of its own.</summary>
    internal static string FailingAfter(int calls) => Cli.Small.Replace(
        "error_model = { method = \"IntRandomBitFlip\", bit_width = 8 }",
        $$"""
        error_model = { code = '''
        values => {
            var key = "{{Guid.NewGuid():N}}";
            int n = (int)(System.AppDomain.CurrentDomain.GetData(key) ?? 0);
            System.AppDomain.CurrentDomain.SetData(key, n + 1);
            if (n >= {{calls}}) throw new System.InvalidOperationException("call " + n);
            return values.neg();
        }''' }
        """, StringComparison.Ordinal);

    [TestMethod]
    public void A_trial_out_of_range_leaves_no_folder_behind()
    {
        string config = Cli.Config(Cli.Small);
        string output = Path.Combine(Path.GetDirectoryName(config)!, "x");
        var result = Cli.Run("run", config, "--out", output, "--trial", "9");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "the campaign has trials 0 to 3");
        Assert.IsFalse(Directory.Exists(output), "no results folder for a run that never started");
    }

    [TestMethod]
    public void A_snippet_that_throws_in_a_trial_keeps_the_finished_trials_prints_resume_and_logs_it()
    {
        string config = Cli.Config(FailingAfter(40));
        string output = Path.Combine(Path.GetDirectoryName(config)!, "out");
        var result = Cli.Run("run", config, "--out", output);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "error: inline error model threw InvalidOperationException: call ");
        StringAssert.Matches(result.Output, new System.Text.RegularExpressions.Regex(@"[1-3] finished trial\(s\) are kept in "));
        StringAssert.Contains(result.Output, $"dotnet mrfi run {config} --resume {output}");
        Assert.DoesNotContain("   at ", result.Output);
        string log = File.ReadAllText(Path.Combine(output, "mrfi.log"));
        StringAssert.Contains(log, "[ERR] ");
        StringAssert.Contains(log, "inline error model threw InvalidOperationException: call ");
        Assert.HasCount(1, result.Output.Split('\n').Where(l => l.Contains("threw InvalidOperationException", StringComparison.Ordinal))
            .ToList(), "the console shows it once");
    }
}
