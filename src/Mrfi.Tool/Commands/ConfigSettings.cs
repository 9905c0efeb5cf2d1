using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Settings shared by the commands that read a campaign config.</summary>
internal abstract class ConfigSettings : CommandSettings
{
    [CommandArgument(0, "[CONFIG]")]
    [Description("The campaign config (TOML). Default: mrfi.toml in the current folder.")]
    public string Config { get; init; } = "mrfi.toml";
}
