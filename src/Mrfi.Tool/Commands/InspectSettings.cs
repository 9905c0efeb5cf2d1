using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi inspect</c>.</summary>
internal sealed class InspectSettings : ConfigSettings
{
    [CommandOption("-m|--model <NAME>")]
    [Description("Inspect a built-in architecture with its default arguments, or an ONNX file (FILE.onnx), instead of the config's model.")]
    public string? Model { get; init; }

    public override ValidationResult Validate() => ValidationResult.Success();
}
