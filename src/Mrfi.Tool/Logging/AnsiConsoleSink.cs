using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Spectre.Console;

namespace Mrfi.Tool.Logging;

/// <summary>Writes log events through the command's <see cref="IAnsiConsole"/>, so in-process tests capture them too.</summary>
internal sealed class AnsiConsoleSink(IAnsiConsole console) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");

    public void Emit(LogEvent logEvent)
    {
        // Straight to the writer: Spectre would wrap long lines at the 80 columns it assumes for pipes.
        _formatter.Format(logEvent, console.Profile.Out.Writer);
    }
}
