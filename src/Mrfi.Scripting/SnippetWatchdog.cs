using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Mrfi.Core;

namespace Mrfi.Scripting;

/// <summary>Stops waiting for an inline snippet that never returns. .NET cannot abort a thread stuck in a loop, so the work
/// that calls snippets (the dry run, the campaign) runs on a background thread of its own; every snippet call notes when it
/// started, and when one runs longer than <see cref="Limit"/> the waiting thread gives up with an error at the snippet's
/// line. The stuck thread is abandoned: the command then ends (exit code 2) after writing what it has, and the process
/// exit takes the thread with it.</summary>
public static class SnippetWatchdog
{
    /// <summary>The floor of the automatic limit: a snippet call slower than this is very likely stuck.</summary>
    public static readonly TimeSpan Floor = TimeSpan.FromSeconds(60);

    /// <summary>The automatic limit is this many golden batch times (a snippet call handles one tensor of one batch).</summary>
    public const int GoldenBatches = 100;

    private static readonly ConcurrentDictionary<int, Call> Running = new();

    /// <summary>How long one snippet call may run (process-wide; set from <c>[run] watchdog</c> or <see cref="Automatic"/>).</summary>
    public static TimeSpan Limit { get; set; } = Floor;

    /// <summary>The automatic limit for a campaign whose golden forward of one batch takes <paramref name="goldenBatch"/>.</summary>
    public static TimeSpan Automatic(TimeSpan goldenBatch) => goldenBatch * GoldenBatches > Floor ? goldenBatch * GoldenBatches : Floor;

    /// <summary>Marks the current thread as inside a snippet until the returned token is disposed.</summary>
    internal static Entered Enter(SourceLocation at, string kind)
    {
        int thread = Environment.CurrentManagedThreadId;
        Running[thread] = new Call(at, kind, Stopwatch.StartNew());
        return new Entered(thread);
    }

    /// <summary>Runs <paramref name="work"/> on a background thread and waits for it; throws a user error at the snippet's
    /// location when a snippet call inside it outlives <see cref="Limit"/>.</summary>
    public static T Guard<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
        }, maxStackSize: 16 << 20) { IsBackground = true, Name = "mrfi-watched" };
        thread.Start();
        while (!thread.Join(TimeSpan.FromMilliseconds(100)))
        {
            if (Running.FirstOrDefault(r => r.Value.Clock.Elapsed > Limit) is { Value: { } stuck } entry)
            {
                Running.TryRemove(entry.Key, out _);
                throw MrfiException.At(stuck.At,
                    $"inline {stuck.Kind} did not return within {Limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s " +
                    $"(the watchdog); " +
                    "does it loop forever? If it is only slow, raise [run] watchdog (seconds)");
            }
        }
        failure?.Throw();
        return result;
    }

    private sealed record Call(SourceLocation At, string Kind, Stopwatch Clock);

    /// <summary>Leaves the snippet when disposed.</summary>
    internal readonly struct Entered(int thread) : IDisposable
    {
        public void Dispose() => Running.TryRemove(thread, out _);
    }
}
