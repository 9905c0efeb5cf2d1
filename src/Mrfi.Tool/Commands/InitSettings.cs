using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi init</c>.</summary>
internal sealed class InitSettings : CommandSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("Folder to create the starter campaign in (default: the current folder).")]
    public string Folder { get; init; } = ".";

    [CommandOption("-f|--force")]
    [Description("Overwrite an existing mrfi.toml.")]
    public bool Force { get; init; }
}
