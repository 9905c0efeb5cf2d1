using Mrfi.Core.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi expand</c>: the EasyConfig as a per-layer detail tree (TOML) that runs as it is.</summary>
internal sealed class ExpandCommand(IAnsiConsole console) : Command<ExpandSettings>
{
    public override int Execute(CommandContext context, ExpandSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        var plan = ToolCatalog.Load(settings.Config, settings.Options);
        using var model = plan.Model;
        string folder = settings.Out is { } o ? Path.GetDirectoryName(Path.GetFullPath(o))! : Directory.GetCurrentDirectory();
        string text = DetailTreeWriter.Write(plan, folder);
        if (settings.Out is { } file)
        {
            File.WriteAllText(file, text);
            console.WriteLine($"wrote {file}");
        }
        else console.Profile.Out.Writer.Write(text);
        return 0;
    });
}
