using Mrfi.Scripting;
using Mrfi.Tool.Scripts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi script</c>: runs a C# experiment script — MRFI's Python for-loops, in C#.</summary>
internal sealed class ScriptCommand(IAnsiConsole console) : Command<ScriptSettings>
{
    public override int Execute(CommandContext context, ScriptSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        var globals = new MrfiScript(console, settings.Script, settings.Arguments);
        try
        {
            ScriptRunner.Run(settings.Script, globals, typeof(MrfiScript).Assembly,
                typeof(Mrfi.Results.Parquet.ParquetResultSink).Assembly);
        }
        finally
        {
            globals.DisposeAll();
        }
        return 0;
    });
}
