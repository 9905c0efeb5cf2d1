using Mrfi.Core;
using Mrfi.Tool.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi import-yaml</c>: a Python MRFI EasyConfig (file or preset name) as mrfi TOML.</summary>
internal sealed class ImportYamlCommand(IAnsiConsole console) : Command<ImportYamlSettings>
{
    public override int Execute(CommandContext context, ImportYamlSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        string yaml;
        if (MrfiPresets.All.TryGetValue(settings.Source, out var preset)) yaml = preset;
        else if (File.Exists(settings.Source)) yaml = File.ReadAllText(settings.Source);
        else throw new MrfiException($"{settings.Source} is neither a file nor an MRFI preset. " +
            $"{NameSuggester.Hint(settings.Source, [.. MrfiPresets.All.Keys])}");
        string toml = EasyConfigImporter.Convert(yaml, settings.Source, Path.Combine(AppContext.BaseDirectory, "assets"));
        if (settings.Out is { } file)
        {
            File.WriteAllText(file, toml);
            console.WriteLine($"wrote {file}");
        }
        else console.Profile.Out.Writer.Write(toml);
        return 0;
    });
}
