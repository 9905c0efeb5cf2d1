using System.Collections.Concurrent;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using TorchSharp;

namespace Mrfi.Core.Campaigns;

/// <summary>Runs one sweep point's repeats on several <see cref="TrialLane"/>s side by side and hands the finished trials on
/// in trial order, so the results are the same rows, in the same order, as with one worker.</summary>
/// <remarks>Every trial draws from streams keyed by its own seed, so which worker runs it does not matter. Intra-op threads
/// are split between the workers for the duration (libtorch's setting is process-wide).</remarks>
internal static class ParallelTrials
{
    /// <param name="run">The run: its workers (lane 0 runs on <paramref name="main"/>), plan and cancellation, which stops
    /// the workers between batches (finished trials are still emitted).</param>
    /// <param name="point">The sweep point.</param>
    /// <param name="todo">Repeats to run, in order.</param>
    /// <param name="main">Lane 0's session, whose golden pass filled <paramref name="cache"/>.</param>
    /// <param name="cache">The point's golden activations, or null.</param>
    /// <param name="runTrial">Runs one repeat on a lane's session: (session, lane, replay, repeat) → result.</param>
    /// <param name="emit">Receives the finished trials in repeat order (from one thread at a time).</param>
    public static void Run(RunContext run, SweepPoint point, IReadOnlyList<int> todo, FaultInjectionSession main, GoldenCache? cache,
        Func<FaultInjectionSession, TrialLane, Action<int>?, int, TrialResult> runTrial, Action<TrialResult> emit)
    {
        var lanes = run.Lanes;
        var plan = run.Plan;
        var sessions = new List<FaultInjectionSession> { main };
        int threads = torch.get_num_threads();
        try
        {
            foreach (var lane in lanes.Skip(1))
                sessions.Add(new FaultInjectionSession(lane.Model, point.Entries, [.. plan.Observers.SelectMany(o => o.Bind())],
                    main.Options));
            var queue = new ConcurrentQueue<int>(todo);
            var done = new SortedDictionary<int, TrialResult>();
            int next = 0;
            void Flush(bool all)
            {
                while (next < todo.Count && (done.Remove(todo[next], out var f) || all))
                {
                    if (f is not null) emit(f);
                    next++;
                }
            }
            torch.set_num_threads(Math.Max(1, threads / lanes.Count));
            var workers = lanes.Select((lane, i) => Task.Factory.StartNew(() =>
            {
                // Grad mode and dispose scopes are per thread.
                using var noGrad = torch.no_grad();
                var session = sessions[i];
                var map = i == 0 ? null : Map(main, session);
                Action<int>? replay = cache is null ? null : map is null ? cache.Replay : b => cache.Replay(b, map);
                while (queue.TryDequeue(out int repeat))
                {
                    var finished = runTrial(session, lane, replay, repeat);
                    lock (done)
                    {
                        done[repeat] = finished;
                        Flush(all: false);
                    }
                }
            }, run.Cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            try
            {
                Task.WaitAll(workers, CancellationToken.None);
            }
            catch (AggregateException e)
            {
                lock (done) Flush(all: true);
                var first = e.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException)
                    ?? e.Flatten().InnerExceptions[0];
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }
        }
        finally
        {
            torch.set_num_threads(threads);
            foreach (var session in sessions.Skip(1)) session.Dispose();
        }
    }

    /// <summary>Each golden-aware observer of <paramref name="main"/> paired with the same binding in <paramref name="other"/>.</summary>
    private static Dictionary<IGoldenAwareObserver, IGoldenAwareObserver> Map(FaultInjectionSession main, FaultInjectionSession other) =>
        main.Observers.Zip(other.Observers)
            .Where(p => p.First.Observer is IGoldenAwareObserver)
            .ToDictionary(p => (IGoldenAwareObserver)p.First.Observer, p => (IGoldenAwareObserver)p.Second.Observer);
}
