using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi expand</c>.</summary>
internal sealed class ExpandSettings : ConfigSettings
{
    [CommandOption("-o|--out <FILE>")]
    [Description("Write the detail tree to FILE (paths inside are made relative to it) instead of standard output.")]
    public string? Out { get; init; }
}
