using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi report</c>.</summary>
internal sealed class ReportSettings : CommandSettings
{
    [CommandArgument(0, "<RESULTS>")]
    [Description("A results folder written by `run` (merged, or the part files of an unmerged or sharded run).")]
    public string Results { get; init; } = "";

    [CommandOption("-o|--out <DIR>")]
    [Description("Write report.html and the PNG figures here (default: RESULTS/report).")]
    public string? Out { get; init; }

    [CommandOption("--no-html")]
    [Description("Write only the PNG figures and the console summary.")]
    public bool NoHtml { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Results) ? ValidationResult.Error("RESULTS must name a results folder") : ValidationResult.Success();
}
