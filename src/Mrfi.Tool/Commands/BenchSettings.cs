using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi bench</c>.</summary>
internal sealed class BenchSettings : ConfigSettings
{
    [CommandOption("-n|--iterations <N>")]
    [Description("Timed forwards per mode.")]
    [DefaultValue(50)]
    public int Iterations { get; init; } = 50;

    public override ValidationResult Validate() =>
        Iterations is < 1 or > 100_000 ? ValidationResult.Error("--iterations must be between 1 and 100000") : ValidationResult.Success();
}
