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
        var quantizedGolden = rows.Select(_ => new List<double>()).ToArray();
        var faults = new double[rows.Count];
        var faultRows = rows.Select((r, i) => (r, i)).Where(x => x.r.Entry is not null).Select(x => x.i).ToList();
        var bindings = rows.Select(r => r.Observer is null ? null : plan.Observers.First(o => o.Method == r.Observer).Bind().ToList())
            .ToArray();
        var caches = bindings.Select(b => b is null ? null : Capture(b, model, images, CacheLimit)).ToArray();
        try
        {
            for (int round = -warmup; round < iterations; round++)
            {
                double g = Time(() => model.call(images));
                for (int i = 0; i < rows.Count; i++)
                {
                    var row = rows[i];
                    long injected;
                    double ms;
                    if (row.Entry is not null)
                    {
                        var entries = plan.Points[faultRows.IndexOf(i)].Entries;
                        using var session = new FaultInjectionSession(model, entries, []);
                        session.BeginTrial(round + 1000);
                        ms = Time(() => model.call(images));
                        injected = session.FaultCount;
                        if (entries.Any(e => e.Enabled && e.Quantizer is not null))
                        {
                            using var goldenForward = session.Forward(InjectionMode.Golden);
                            double q = Time(() => model.call(images));
                            if (round >= 0) quantizedGolden[i].Add(q);
                        }
                    }
                    else
                    {
                        ms = TimeObserver(bindings[i]!, caches[i], model, images);
                        injected = 0;
                    }
                    if (round < 0) continue;
                    times[i].Add(ms);
                    faults[i] += injected;
                }
                if (round >= 0) golden.Add(g);
                progress?.Invoke(round + warmup + 1, iterations + warmup);
            }
        }
        finally
        {
            foreach (var cache in caches) cache?.Dispose();
        }
        double goldenMs = Median(golden);
        return (goldenMs, [.. rows.Select((r, i) =>
            new BenchRow(r.Name, r.Group, Median(times[i]), Median(times[i]) / goldenMs, faults[i] / iterations)
        {
            QuantizedGoldenMs = quantizedGolden[i].Count > 0 ? Median(quantizedGolden[i]) : null,
        })]);
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

    /// <summary>Observers as a campaign runs them: golden-aware ones replay the golden pass's cached tensors, then the forward.</summary>
    private static double TimeObserver(IReadOnlyList<ObserverBinding> bindings, GoldenCache? recorded, nn.Module<Tensor, Tensor> model,
        Tensor images)
    {
        // The golden pass first, in a session of its own: this one's hooks must not see it as a faulty forward.
        using var own = recorded is null ? Capture(bindings, model, images, long.MaxValue) : null;
        using var session = new FaultInjectionSession(model, [], bindings);
        var cache = recorded ?? own;
        session.BeginTrial(0);
        var clock = Stopwatch.StartNew();
        using (torch.NewDisposeScope())
        {
            cache?.Replay(0);
            model.call(images);
            foreach (var b in bindings) b.Observer.Result();
        }
        return clock.Elapsed.TotalMilliseconds;
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
