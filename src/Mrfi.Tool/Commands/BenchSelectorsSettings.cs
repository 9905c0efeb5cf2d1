using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi bench-selectors</c>.</summary>
internal sealed class BenchSelectorsSettings : CommandSettings
{
    [CommandOption("--size <N>")]
    [Description("Elements of the tensor selected from.")]
    [DefaultValue(10_000_000L)]
    public long Size { get; init; } = 10_000_000;

    [CommandOption("-n|--iterations <N>")]
    [Description("Timed draws per selector and rate (the median is shown).")]
    [DefaultValue(9)]
    public int Iterations { get; init; } = 9;

    public override ValidationResult Validate() =>
        Size is < 1 or > 2_000_000_000 ? ValidationResult.Error("--size must be between 1 and 2e9")
        : Iterations is < 1 or > 10_000 ? ValidationResult.Error("--iterations must be between 1 and 10000")
        : ValidationResult.Success();
}
