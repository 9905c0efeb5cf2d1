using Mrfi.Report;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi report</c>: figures chosen from what the campaign swept, report.html and a plain-text summary.</summary>
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        var output = ReportBuilder.Build(settings.Results, settings.Out, html: !settings.NoHtml);
        // Plain text, not markup: layer names and config values may hold [ and ].
        foreach (var line in output.Summary) console.Profile.Out.Writer.WriteLine(line);
        return 0;
    });
}
