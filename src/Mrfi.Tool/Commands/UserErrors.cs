using Mrfi.Core;
using Spectre.Console;

namespace Mrfi.Tool.Commands;

/// <summary>Runs a command body and turns user mistakes into their messages and exit code 2, never a stack trace.</summary>
internal static class UserErrors
{
    public static int Guard(IAnsiConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is MrfiException or Mrfi.Report.ReportException)
        {
            foreach (var line in e.Message.Split(Environment.NewLine)) console.MarkupLineInterpolated($"[red]{line}[/]");
            return RunCommand.UserError;
        }
    }
}
