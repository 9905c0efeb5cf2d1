using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi import-yaml</c>.</summary>
internal sealed class ImportYamlSettings : CommandSettings
{
    [CommandArgument(0, "<YAML>")]
    [Description("An MRFI EasyConfig file, or a preset name: default_fi, float_fi, float_weight_fi, fxp_fi, fxp_weight_fi, weight_fi.")]
    public string Source { get; init; } = "";

    [CommandOption("-o|--out <FILE>")]
    [Description("Write the TOML to FILE instead of standard output.")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Source) ? ValidationResult.Error("give a YAML file or a preset name") : ValidationResult.Success();
}
