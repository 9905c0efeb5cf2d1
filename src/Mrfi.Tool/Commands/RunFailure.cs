using Mrfi.Core;
using Mrfi.Results.Parquet;
using Serilog;

namespace Mrfi.Tool.Commands;

/// <summary>A campaign that stops on a user error after its results folder exists (an inline snippet that throws or hangs):
/// the error goes to mrfi.log as well as the console, and the message says that the finished trials are kept and how to
/// continue, as an interrupted run does.</summary>
internal static class RunFailure
{
    public static T Guard<T>(ILogger log, ParquetResultSink sink, string resume, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (MrfiException e)
        {
            string kept = $"{sink.Trials.Count} finished trial(s) are kept in {sink.Folder}; to continue this campaign (same config): " +
                $"{resume}";
            var file = log.ForContext(Logging.LogSetup.FileOnly, true);
            file.Error("{Message}", e.Message);
            file.Information("{Kept}", kept);
            var last = e.Diagnostics[^1];
            throw new MrfiException([.. e.Diagnostics.SkipLast(1), last with { Message = last.Message + Environment.NewLine + kept }], e);
        }
    }
}
