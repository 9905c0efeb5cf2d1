using System.Diagnostics;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>Times one batch's forward under every <see cref="BenchScenario"/> against the plain forward, interleaved in one run.</summary>
/// <remarks>Each iteration runs the plain forward and then every scenario once, so that drift in machine load (this is a
/// shared 2-core box) hits every row alike; ratios are medians over medians. Session set-up (hooks, clean weight copies) is
/// not timed: a campaign pays it once per sweep point, not per forward. Observers are bound once per row and reset every
/// round, as a campaign binds them once and resets them every trial; the golden pass that golden-aware observers replay
/// is recorded once per row (up to 1 GiB, else every round), as a campaign records it once per sweep point.</remarks>
public static class InjectionBenchmark
{
    /// <summary>Runs <paramref name="iterations"/> timed rounds after <paramref name="warmup"/> untimed ones.</summary>
    /// <param name="plan">A plan from <see cref="BenchScenarios.Config"/>: point i belongs to the i-th fault row.</param>
    /// <param name="rows">The scenarios the plan was made from.</param>
    /// <param name="images">One batch.</param>
    /// <param name="iterations">Timed rounds.</param>
    /// <param name="warmup">Untimed rounds first.</param>
    /// <param name="progress">Called after each round with (done, total).</param>
    public static (double GoldenMs, IReadOnlyList<BenchRow> Rows) Run(CampaignPlan plan, IReadOnlyList<BenchScenario> rows, Tensor images,
        int iterations, int warmup, Action<int, int>? progress = null)
    {
        var model = plan.Model;
        using var noGrad = torch.no_grad();
        var golden = new List<double>();
        var times = rows.Select(_ => new List<double>()).ToArray();
        var faultRows = rows.Select((r, i) => (r, i)).Where(x => x.r.Entry is not null).Select(x => x.i).ToList();
        var caches = new List<GoldenCache>();
        // The same row subjects as bench --onnx's paired rounds: one session per round, observers bound once per row.
        var subjects = new List<IBenchSubject>();
        try
        {
            for (int i = 0; i < rows.Count; i++)
            {
                if (rows[i].Entry is not null)
                {
                    subjects.Add(new FaultRowSubject(model, plan.Points[faultRows.IndexOf(i)].Entries, images));
                    continue;
                }
                var bindings = plan.Observers.First(o => o.Method == rows[i].Observer).Bind().ToList();
                var cache = Capture(bindings, model, images, CacheLimit);
                if (cache is not null) caches.Add(cache);
                subjects.Add(new ObserverRowSubject(model, bindings, cache, images));
            }
            for (int round = -warmup; round < iterations; round++)
            {
                double g = Time(() => model.call(images));
                for (int i = 0; i < rows.Count; i++)
                {
                    double ms = Time(subjects[i], round);
                    if (round >= 0) times[i].Add(ms);
                }
                if (round >= 0) golden.Add(g);
                progress?.Invoke(round + warmup + 1, iterations + warmup);
            }
            double goldenMs = Median(golden);
            return (goldenMs, [.. rows.Select((r, i) =>
                new BenchRow(r.Name, r.Group, Median(times[i]), Median(times[i]) / goldenMs,
                    (subjects[i] as FaultRowSubject)?.FaultsPerForward ?? 0)
            {
                QuantizedGoldenMs = (subjects[i] as FaultRowSubject)?.QuantizedGoldenMs,
            })]);
        }
        finally
        {
            foreach (var subject in subjects) (subject as IDisposable)?.Dispose();
            foreach (var cache in caches) cache.Dispose();
        }
    }

    /// <summary>Peak resident memory of three golden forwards against three forwards with the rows marked
    /// <see cref="BenchScenario.ForMemory"/> injecting together; null where the platform cannot measure it.</summary>
    public static PeakMemoryResult? PeakMemory(CampaignPlan plan, IReadOnlyList<BenchScenario> rows, Tensor images)
    {
        var faultRows = rows.Where(r => r.Entry is not null).ToList();
        var entries = faultRows.Select((r, i) => (r, i)).Where(x => x.r.ForMemory)
            .SelectMany(x => plan.Points[x.i].Entries.Where(e => e.Enabled)).ToList();
        using var noGrad = torch.no_grad();
        long? golden = Benchmarks.PeakMemory.Measure(() =>
            { for (int i = 0; i < 3; i++) InjectionBenchmark.Time(() => plan.Model.call(images)); });
        long? injected = Benchmarks.PeakMemory.Measure(() =>
        {
            using var session = new FaultInjectionSession(plan.Model, entries, []);
            session.BeginTrial(1);
            for (int i = 0; i < 3; i++) InjectionBenchmark.Time(() => plan.Model.call(images));
        });
        return golden is { } g && injected is { } x ? new PeakMemoryResult(g, x) : null;
    }

    /// <summary>The most a recorded golden pass may hold before it is recorded again every round instead.</summary>
    internal const long CacheLimit = 1L << 30;

    /// <summary>The golden pass of golden-aware observers, recorded; null when there are none or it exceeds
    /// <paramref name="limit"/>.</summary>
    internal static GoldenCache? Capture(IReadOnlyList<ObserverBinding> bindings, nn.Module<Tensor, Tensor> model, Tensor images,
        long limit)
    {
        using var session = new FaultInjectionSession(model, [], bindings);
        if (!session.NeedsGoldenPerBatch) return null;
        var cache = new GoldenCache(limit);
        cache.NextBatch();
        using (session.Forward(new ForwardState(InjectionMode.Golden) { Capture = cache }))
        using (torch.NewDisposeScope()) model.call(images);
        if (cache.Usable) return cache;
        cache.Dispose();
        return null;
    }

    /// <summary>Milliseconds of one round of <paramref name="subject"/>: only its run is timed, not its set-up.</summary>
    private static double Time(IBenchSubject subject, int round)
    {
        subject.Prepare(round);
        var clock = Stopwatch.StartNew();
        subject.Run();
        double ms = clock.Elapsed.TotalMilliseconds;
        subject.Finish(round);
        return ms;
    }

    /// <summary>Milliseconds of one forward, its tensors freed afterwards.</summary>
    public static double Time(Func<Tensor> forward)
    {
        using var scope = torch.NewDisposeScope();
        var clock = Stopwatch.StartNew();
        forward();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The median (mean of the middle two for even counts).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
