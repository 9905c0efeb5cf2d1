using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi merge</c>.</summary>
internal sealed class MergeSettings : CommandSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("The results folder the shards wrote into.")]
    public string Folder { get; init; } = "";
}
