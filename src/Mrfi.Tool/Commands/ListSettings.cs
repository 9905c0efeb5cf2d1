using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi list</c>.</summary>
internal sealed class ListSettings : CommandSettings
{
    [CommandArgument(0, "[KIND]")]
    [Description("Only this kind: quantizer, selector, error_model, observer or model.")]
    public string? Kind { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("Also list the components of the plugins this config loads.")]
    public string? Config { get; init; }

    [CommandOption("--markdown")]
    [Description("Print the Markdown tables of docs/components.md.")]
    public bool Markdown { get; init; }

    [CommandOption("--into <FILE>")]
    [Description("With --markdown: replace the generated part of FILE (docs/components.md) instead of printing.")]
    public string? Into { get; init; }
}
