using Mrfi.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.CommandLine;

/// <summary>What Spectre still refuses after <see cref="UsageCheck"/> (a settings Validate() error, say) is a usage mistake
/// too: one line and exit code 2 instead of Spectre's framed message and 255. Anything else is a bug and keeps its trace.</summary>
internal static class SpectreErrors
{
    public static int Handle(Exception exception, ITypeResolver? resolver)
    {
        var console = resolver?.Resolve(typeof(IAnsiConsole)) as IAnsiConsole ?? AnsiConsole.Console;
        if (exception is CommandParseException or CommandRuntimeException)
        {
            console.MarkupLineInterpolated($"[red]{new Diagnostic(exception.Message.TrimEnd('.'))}[/]");
            return Commands.RunCommand.UserError;
        }
        console.WriteException(exception);
        return -1;
    }
}
