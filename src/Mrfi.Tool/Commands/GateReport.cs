using Mrfi.Core;
using Mrfi.Core.Configuration;
using Mrfi.Core.Gates;
using Spectre.Console;
using Mrfi.Core.Campaigns;

namespace Mrfi.Tool.Commands;

/// <summary>Checks a finished run against its [gate] entries and prints one line per verdict.</summary>
internal static class GateReport
{
    /// <summary>Exit code of `dotnet mrfi run` when the campaign ran but a gate threshold failed.</summary>
    public const int GateFailed = 3;

    /// <summary>0 when every threshold passed (or there is no gate), <see cref="GateFailed"/> otherwise.</summary>
    public static int Check(IAnsiConsole console, MrfiConfig config, IReadOnlyList<TrialRecord> trials)
    {
        if (config.Gates.Count == 0) return 0;
        var verdicts = GateCheck.Evaluate(config.Gates, trials);
        foreach (var v in verdicts.Where(v => v.Passed)) console.MarkupLineInterpolated($"[green]{v.Message}[/]");
        var failed = verdicts.Where(v => !v.Passed).ToList();
        // Failures are written unwrapped and uncoloured: each is one `file(line,col): error: …` line that MSBuild and
        // editors parse, and a console narrower than the message must not split it.
        foreach (var v in failed) console.Profile.Out.Writer.WriteLine(v.Message);
        if (failed.Count == 0)
        {
            console.MarkupLineInterpolated($"[green]gate passed[/]: {verdicts.Count} check(s)");
            return 0;
        }
        console.Profile.Out.Writer.WriteLine(
            new Diagnostic($"gate failed: {failed.Count} of {verdicts.Count} check(s) did not pass (exit code {GateFailed})",
                new SourceLocation(config.Path, 0, 0)));
        return GateFailed;
    }
}
