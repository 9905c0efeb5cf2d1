using Serilog;
using Serilog.Core;
using Serilog.Events;
using Spectre.Console;

namespace Mrfi.Tool.Logging;

/// <summary>Serilog for a run: always a log file in the results folder; on the console too unless a live progress bar owns it.</summary>
internal static class LogSetup
{
    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static Logger Create(IAnsiConsole console, string file, bool verbose)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.File(file, outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}");
        // A live Spectre progress bar and log lines on the same terminal garble each other; when the
        // console is not interactive (CI, pipes) the bar prints nothing, so log lines carry progress.
        config = console.Profile.Capabilities.Interactive
            ? config.WriteTo.Sink(new AnsiConsoleSink(console), LogEventLevel.Warning)
            : config.WriteTo.Sink(new AnsiConsoleSink(console));
        var logger = config.CreateLogger();
        Log.Logger = logger;
        return logger;
    }
}
