using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi script</c>.</summary>
internal sealed class ScriptSettings : CommandSettings
{
    [CommandArgument(0, "<SCRIPT>")]
    [Description("A C# script (.csx) using the engine: Load(config), change entries, Run, Save.")]
    public string Script { get; init; } = "";

    [CommandArgument(1, "[ARGS]")]
    [Description("Arguments passed to the script as Args.")]
    public string[] Arguments { get; init; } = [];

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Script) ? ValidationResult.Error("give the script's path") : ValidationResult.Success();
}
