using Mrfi.Results.Parquet;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi merge</c>: joins the part files of all shards into trials.parquet, observers.parquet and
/// points.parquet, refusing duplicate or missing trials.</summary>
internal sealed class MergeCommand(IAnsiConsole console) : Command<MergeSettings>
{
    public override int Execute(CommandContext context, MergeSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        var (trials, observers) = PartMerger.Merge(settings.Folder);
        console.WriteLine($"merged {trials} trials and {observers} observer rows into {Path.Combine(settings.Folder, "trials.parquet")}");
        return 0;
    });
}
