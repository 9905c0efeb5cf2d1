namespace Mrfi.Tool.Tests.Commands;

/// <summary>An inline snippet that never returns stops `validate` and `run` at its line with exit code 2 (the watchdog),
/// and `run` keeps the finished trials and prints the --resume command. The abandoned snippet is never released: it sleeps on
/// its background thread until the test host exits. Released, it would go on with the rest of the trial on tensors and a
/// model that the command has already disposed, corrupting the native heap under later tests.</summary>
[TestClass]
public sealed class SnippetWatchdogTests
{
    /// <summary>An error model that returns for its first <paramref name="calls"/> calls, then waits for
    /// <paramref name="release"/>.</summary>
    private static string Hanging(int calls, string release) => Cli.Small
        .Replace("batch_size = 50", "batch_size = 50\nwatchdog = 2", StringComparison.Ordinal)
        .Replace("error_model = { method = \"IntRandomBitFlip\", bit_width = 8 }", $$"""
        error_model = { code = '''
        values => {
            var key = "{{Guid.NewGuid():N}}";
            int n = (int)(System.AppDomain.CurrentDomain.GetData(key) ?? 0);
            System.AppDomain.CurrentDomain.SetData(key, n + 1);
            while (n >= {{calls}} && !System.IO.File.Exists("{{release}}")) System.Threading.Thread.Sleep(20);
            return values.neg();
        }''' }
        """, StringComparison.Ordinal);

    [TestMethod]
    public void Validate_stops_a_snippet_that_never_returns_at_its_line()
    {
        string release = Path.Combine(Repo.TempFolder("watchdog"), "release");
        try
        {
            var result = Cli.Run("validate", Cli.Config(Hanging(0, release)));
            Assert.AreEqual(2, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, "mrfi.toml(25,1): error: inline error model did not return within 2 s (the watchdog)");
            StringAssert.Contains(result.Output, "raise [run] watchdog");
        }
        finally
        {
            // Deliberately not released (see the class summary).
        }
    }

    [TestMethod]
    public void Run_stops_a_hanging_trial_keeps_the_finished_ones_and_prints_resume()
    {
        string release = Path.Combine(Repo.TempFolder("watchdog"), "release");
        string config = Cli.Config(Hanging(40, release));
        string output = Path.Combine(Path.GetDirectoryName(config)!, "out");
        try
        {
            var result = Cli.Run("run", config, "--out", output);
            Assert.AreEqual(2, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, "mrfi.toml(25,1): error: inline error model did not return within 2 s (the watchdog)");
            StringAssert.Matches(result.Output, new System.Text.RegularExpressions.Regex(@"[1-3] finished trial\(s\) are kept in "));
            StringAssert.Contains(result.Output, $"dotnet mrfi run {config} --resume {output}");
            StringAssert.Contains(File.ReadAllText(Path.Combine(output, "mrfi.log")), "did not return within 2 s");
        }
        finally
        {
            // Deliberately not released (see the class summary).
        }
    }
}
