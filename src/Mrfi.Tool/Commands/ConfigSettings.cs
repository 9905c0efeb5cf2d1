using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Settings shared by the commands that read a campaign config.</summary>
internal abstract class ConfigSettings : CommandSettings
{
    [CommandArgument(0, "[CONFIG]")]
    [Description("The campaign config (TOML). Default: mrfi.toml in the current folder.")]
    public string Config { get; init; } = "mrfi.toml";

    [CommandOption("--no-scripts")]
    [Description("Refuse configs that contain inline C# (running a config's code is running code).")]
    public bool NoScripts { get; init; }

    [CommandOption("--no-script-cache")]
    [Description("Compile inline C# anew instead of using the on-disk cache.")]
    public bool NoScriptCache { get; init; }

    /// <summary>The load options these flags describe.</summary>
    public LoadOptions Options => new(!NoScripts, !NoScriptCache);
}
