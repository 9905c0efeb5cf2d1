using Mrfi.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi init</c>: a commented starter mrfi.toml plus the bundled model and data in data/, ready to run.</summary>
internal sealed class InitCommand(IAnsiConsole console) : Command<InitSettings>
{
    public override int Execute(CommandContext context, InitSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        string folder = Path.GetFullPath(settings.Folder);
        string config = Path.Combine(folder, "mrfi.toml");
        if (File.Exists(config) && !settings.Force)
            throw new MrfiException($"{config} already exists; use --force to overwrite it");
        string assets = StarterConfig.AssetFolder;
        StarterConfig.RequireAssets(assets);
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        foreach (var name in StarterConfig.Assets)
            File.Copy(Path.Combine(assets, name), Path.Combine(folder, "data", name), overwrite: true);
        File.WriteAllText(config, StarterConfig.Text);
        console.WriteLine($"wrote {config} and data/ (LeNet trained on Fashion-MNIST, 1000 test images); run it with `dotnet mrfi run`");
        return 0;
    });
}
