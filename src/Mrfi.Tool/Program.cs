using Spectre.Console;

namespace Mrfi.Tool;

/// <summary>Entry point of <c>dotnet mrfi</c>.</summary>
public static class Program
{
    /// <summary>Runs the CLI; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        var console = Console();
        var app = MrfiApp.Create(console);
        return MrfiApp.Run(console, args, a => app.Run(a));
    }

    /// <summary>The process console. Spectre wraps at 80 columns when output is redirected, which would split the
    /// <c>file(line,col): error: …</c> lines that MSBuild, CI logs and editors parse; so redirected output is not wrapped
    /// (COLUMNS, when set, still decides).</summary>
    private static IAnsiConsole Console()
    {
        var console = AnsiConsole.Console;
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns > 0) console.Profile.Width = columns;
        else if (System.Console.IsOutputRedirected) console.Profile.Width = 4096;
        return console;
    }
}
