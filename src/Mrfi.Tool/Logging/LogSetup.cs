using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Spectre.Console;

namespace Mrfi.Tool.Logging;

/// <summary>Serilog for a run: always a log file in the results folder; on the console too unless a live progress bar owns it.</summary>
internal static class LogSetup
{
    /// <summary>The property that keeps an event out of the console (it goes to mrfi.log only).</summary>
    public const string FileOnly = "FileOnly";

    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static Logger Create(IAnsiConsole console, string file, bool verbose)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.File(file, formatProvider: CultureInfo.InvariantCulture,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}");
        // A live Spectre progress bar and log lines on the same terminal garble each other; when the
        // console is not interactive (CI, pipes) the bar prints nothing, so log lines carry progress.
        // Events marked FileOnly are already on the console in another form (the error a command ends with).
        var level = console.Profile.Capabilities.Interactive ? LogEventLevel.Warning : LogEventLevel.Verbose;
        config = config.WriteTo.Logger(c => c.Filter.ByExcluding(Serilog.Filters.Matching.WithProperty(FileOnly))
            .WriteTo.Sink(new AnsiConsoleSink(console), level));
        var logger = config.CreateLogger();
        Log.Logger = logger;
        return logger;
    }
}
