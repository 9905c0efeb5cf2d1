using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Serilog;
using TorchSharp;

namespace Mrfi.Core.Tests.Campaigns;

[TestClass]
public sealed class CampaignRunnerTests
{
    private sealed class CancelAfter(CancellationTokenSource source, int trials) : ICampaignProgress
    {
        public void Started(int total) { }
        public void Phase(string description) { }
        public void TrialFinished(TrialRecord trial, int done, int total) { if (done == trials) source.Cancel(); }
    }

    private const string Sweep = "[sweep]\nber = [1e-5, 1e-2]\nrepeats = 2\n\n";
    private const string Observe =
        "[[observe]]\nmethod = \"RMSE\"\nmodule_name = [\"fc3\"]\n\n[[observe]]\nmethod = \"MinMax\"\nmodule_fullname = \"conv1\"\n" +
        "position = \"pre\"\n\n";

    private static MemorySink Run(string toml, long? seed = null, bool records = false)
    {
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(toml)));
        using var model = plan.Model;
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger()) { RecordFaults = records }.Run(plan, sink, new SilentProgress(), seed);
        return sink;
    }

    private static string BerConfig() =>
        ConfigFixture.Full(ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$ber * 8\"", StringComparison.Ordinal), Sweep)
            + Observe;

    private static object[] Deterministic(TrialRecord t) =>
        [t.Trial, t.Point, t.Repeat, t.Seed, t.Accuracy, t.GoldenAccuracy, t.FloatAccuracy, t.Correct, t.Total, t.Changed, t.Faults,
            .. t.Sweep.Values];

    [TestMethod]
    public void Same_seed_gives_the_same_trials_and_another_seed_does_not()
    {
        var a = Run(BerConfig());
        var b = Run(BerConfig());
        var c = Run(BerConfig(), seed: 99);
        Assert.HasCount(4, a.Trials);
        CollectionAssert.AreEqual(a.Trials.SelectMany(Deterministic).ToList(), b.Trials.SelectMany(Deterministic).ToList());
        CollectionAssert.AreEqual(a.Observers.Select(o => o.Value).ToList(), b.Observers.Select(o => o.Value).ToList());
        CollectionAssert.AreNotEqual(a.Trials.Select(t => t.Faults).ToList(), c.Trials.Select(t => t.Faults).ToList());
    }

    [TestMethod]
    public void Per_sample_weight_faults_batched_and_plain_give_the_same_predictions_and_outcome_classes()
    {
        // One 8-bit weight flip per image in every layer: each image its own experiment, B of them per forward.
        string perSample = ConfigFixture.WeightFault
            .Replace("selector = { method = \"RandomPositionByRate\", rate = 1e-3 }",
                "selector = { method = \"RandomPositionByNumber\", n = \"$n\", per_instance = true }\nper_sample = true",
                StringComparison.Ordinal);
        string batched = ConfigFixture.Full(perSample, "[sweep]\nn = [1, 20]\nrepeats = 2\n\n") + Observe;
        string plain = batched.Replace("batch_size = 50\n", "batch_size = 50\nbatched = false\n", StringComparison.Ordinal);
        Assert.AreNotEqual(batched, plain);
        var a = Run(batched);
        var b = Run(plain);
        Assert.HasCount(4, a.Trials);
        Assert.AreEqual(a.Trials[0].Total * 5, a.Trials[0].Faults, "one fault per image in each of the five layers");
        Assert.IsTrue(a.Trials.Any(t => t.Changed > 0), "the faults changed some predictions");
        CollectionAssert.AreEqual(b.Trials.Select(t =>
            (t.Correct, t.Top5Correct, t.Changed, t.Faults, t.Masked, t.Tolerable, t.Sdc, t.CriticalSdc, t.Due)).ToList(),
            a.Trials.Select(t => (t.Correct, t.Top5Correct, t.Changed, t.Faults, t.Masked, t.Tolerable, t.Sdc, t.CriticalSdc, t.Due))
                .ToList());
        var pairs = a.Observers.Zip(b.Observers).ToList();
        Assert.IsTrue(pairs.All(p => p.First.Layer == p.Second.Layer && p.First.Metric == p.Second.Metric), "same observer rows");
        Assert.IsTrue(pairs.All(p => Math.Abs(p.First.Value!.Value - p.Second.Value!.Value) <= 1e-4
            * Math.Max(1, Math.Abs(p.Second.Value!.Value))),
            string.Join("; ", pairs.Where(p =>
                Math.Abs(p.First.Value!.Value - p.Second.Value!.Value) > 1e-4 * Math.Max(1, Math.Abs(p.Second.Value!.Value))).Take(3)
                    .Select(p => $"{p.First.Layer} {p.First.Metric}: {p.First.Value!.Value} vs {p.Second.Value!.Value}")));
    }

    [TestMethod]
    public void Two_workers_give_the_same_trials_observers_and_faults_as_one_in_the_same_order()
    {
        // Activation faults too: they are written into each worker's own copy of the batch tensors and undone.
        string faults = ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$ber * 8\"", StringComparison.Ordinal)
            + "[[fault_inject]]\nname = \"in\"\ntarget = \"activation\"\nmodule_type = [\"Conv2d\", \"Linear\"]\n"
            + "selector = { method = \"RandomPositionByRate\", rate = \"$ber\" }\nerror_model = { method = \"FloatRandomBitFlip\" }\n\n";
        string one = ConfigFixture.Full(faults, "[sweep]\nber = [1e-5, 1e-2]\nrepeats = 3\n\n") + Observe
            + "[[observe]]\nmethod = \"RMSE\"\nmodule_type = [\"Conv2d\", \"Linear\"]\n\n";
        string two = one.Replace("batch_size = 50\n", "batch_size = 50\nworkers = 2\n", StringComparison.Ordinal);
        Assert.AreNotEqual(one, two);
        var a = Run(one, records: true);
        var b = Run(two, records: true);
        Assert.HasCount(6, b.Trials);
        CollectionAssert.AreEqual(a.Trials.SelectMany(Deterministic).ToList(), b.Trials.SelectMany(Deterministic).ToList());
        CollectionAssert.AreEqual(a.Observers.Select(o => (o.Trial, o.Layer, o.Observer, o.Metric, o.Index, o.Value)).ToList(),
            b.Observers.Select(o => (o.Trial, o.Layer, o.Observer, o.Metric, o.Index, o.Value)).ToList());
        Assert.IsGreaterThan(100, a.Faults.Count);
        CollectionAssert.AreEqual(a.Faults, b.Faults);
    }

    [TestMethod]
    public void Early_exit_at_the_last_injecting_layer_gives_the_same_trials_as_full_forwards()
    {
        // Faults only in conv1's 150 weights at a low rate: most batches draw none, conv1's output equals the golden one,
        // and the rest of the forward can be skipped. Several workers share the golden outputs.
        string fault = "[[fault_inject]]\nname = \"w\"\ntarget = \"weight\"\nmodule_fullname = \"conv1\"\n"
            + "quantization = { method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }\n"
            + "selector = { method = \"RandomPositionByRate\", rate = \"$rate\" }\n"
            + "error_model = { method = \"IntRandomBitFlip\", bit_width = 8 }\n\n";
        string on = ConfigFixture.Full(fault, "[sweep]\nrate = [1e-3, 0.2]\nrepeats = 3\n\n");
        string off = on.Replace("batch_size = 50\n", "batch_size = 50\nearly_exit = false\n", StringComparison.Ordinal);
        string twoWorkers = on.Replace("batch_size = 50\n", "batch_size = 50\nworkers = 2\n", StringComparison.Ordinal);
        var a = Run(on, records: true);
        var b = Run(off, records: true);
        var c = Run(twoWorkers, records: true);
        Assert.IsGreaterThan(0L, a.Summary!.EarlyExitBatches, "some batches stopped early");
        Assert.AreEqual(0L, b.Summary!.EarlyExitBatches);
        Assert.AreEqual(a.Summary.EarlyExitBatches, c.Summary!.EarlyExitBatches);
        Assert.IsTrue(b.Trials.Any(t => t.Changed > 0), "the faults changed some predictions");
        CollectionAssert.AreEqual(b.Trials.SelectMany(Deterministic).ToList(), a.Trials.SelectMany(Deterministic).ToList());
        CollectionAssert.AreEqual(b.Trials.Select(t => (t.Masked, t.Tolerable, t.Sdc, t.CriticalSdc, t.Due, t.Top5Correct)).ToList(),
            a.Trials.Select(t => (t.Masked, t.Tolerable, t.Sdc, t.CriticalSdc, t.Due, t.Top5Correct)).ToList());
        CollectionAssert.AreEqual(b.Faults, a.Faults);
        CollectionAssert.AreEqual(a.Trials.SelectMany(Deterministic).ToList(), c.Trials.SelectMany(Deterministic).ToList());
    }

    [TestMethod]
    public void Campaigns_with_observers_never_stop_early()
    {
        var sink = Run(BerConfig());
        Assert.AreEqual(0L, sink.Summary!.EarlyExitBatches);
    }

    [TestMethod]
    public void Replaying_cached_golden_activations_gives_the_observers_exactly_what_a_golden_forward_per_trial_gives()
    {
        // RMSE compares each layer against the golden run; the cache replays the point's golden pass instead of a second forward.
        string observe = Observe + "[[observe]]\nmethod = \"RMSE\"\nmodule_type = [\"Conv2d\", \"Linear\"]\n\n[[observe]]\n" +
            "method = \"TopKChange\"\nmodule_name = [\"fc3\"]\n\n";
        string cached = ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$ber * 8\"", StringComparison.Ordinal), Sweep) + observe;
        string uncached = cached.Replace("batch_size = 50\n", "batch_size = 50\ngolden_cache_mb = 0\n", StringComparison.Ordinal);
        Assert.AreNotEqual(cached, uncached);
        var a = Run(cached);
        var b = Run(uncached);
        Assert.IsGreaterThan(20, a.Observers.Count);
        CollectionAssert.AreEqual(b.Observers.Select(o => (o.Trial, o.Layer, o.Observer, o.Metric, o.Index, o.Value)).ToList(),
            a.Observers.Select(o => (o.Trial, o.Layer, o.Observer, o.Metric, o.Index, o.Value)).ToList());
        CollectionAssert.AreEqual(b.Trials.SelectMany(Deterministic).ToList(), a.Trials.SelectMany(Deterministic).ToList());
        Assert.IsTrue(a.Observers.Any(o => o.Observer == "RMSE" && o.Value > 0), "faults at BER 1e-2 move the layers away from golden");
    }

    [TestMethod]
    public void A_golden_cache_over_its_limit_frees_its_tensors_and_is_not_used()
    {
        using var cache = new GoldenCache(limitBytes: 100);
        var observer = new Mrfi.Core.Observers.TopKChangeObserver();
        cache.NextBatch();
        using var small = torch.zeros(10);
        cache.Add(observer, small);
        Assert.IsTrue(cache.Usable);
        Assert.AreEqual(40L, cache.Bytes);
        using var large = torch.zeros(20);
        cache.Add(observer, large);
        Assert.IsFalse(cache.Usable, "40 + 80 bytes exceed the 100-byte limit");
        Assert.AreEqual(0L, cache.Bytes);
    }

    [TestMethod]
    public void Accuracy_falls_at_high_ber_while_golden_stays_near_float()
    {
        var sink = Run(BerConfig());
        var low = sink.Trials.Where(t => t.Point == 0).ToList();
        var high = sink.Trials.Where(t => t.Point == 1).ToList();
        double golden = low[0].GoldenAccuracy;
        Assert.AreEqual(low[0].FloatAccuracy, golden, 0.02, "8-bit quantization costs at most a couple of points");
        Assert.IsLessThan(low.Average(t => t.Accuracy) - 0.02, high.Average(t => t.Accuracy), "BER 1e-2 on 8-bit weights must hurt");
        Assert.AreEqual(golden, low.Average(t => t.Accuracy), 0.01, "BER 1e-5 barely matters");
        Assert.IsTrue(high.All(t => t.Changed > 0));
        // Expected faults per trial: 4 forwards over the 61470 conv and linear weights; positions are drawn with
        // replacement at rate 8e-2 and a position drawn twice is one fault, so each forward hits numel·(1 − e^−rate).
        double expectedFaults = 4 * 61470 * (1 - Math.Exp(-8e-2));
        Assert.AreEqual(expectedFaults, high.Average(t => t.Faults), expectedFaults * 0.03);
        Assert.AreEqual(200, high[0].Total);
    }

    [TestMethod]
    public void Observers_report_per_trial_metrics()
    {
        var sink = Run(BerConfig());
        var rmse = sink.Observers.Where(o => o.Observer == "RMSE").ToList();
        Assert.HasCount(4, rmse);
        Assert.IsTrue(rmse.All(o => o.Layer == "fc3" && o.Position == "after" && o.Metric == "rmse"));
        Assert.IsLessThan(rmse.Where(o => o.Trial >= 2).Min(o => o.Value!.Value), rmse.Where(o => o.Trial < 2).Max(o => o.Value!.Value),
            "more faults, more error");
        var minmax = sink.Observers.Where(o => o.Observer == "MinMax" && o.Trial == 0).ToDictionary(o => o.Metric, o => o.Value!.Value);
        Assert.AreEqual(0.0, minmax["min"], 1e-6, "conv1's input is pixels/255");
        Assert.AreEqual(1.0, minmax["max"], 1e-6);
    }

    [TestMethod]
    public void Cancelling_keeps_the_finished_trials_and_marks_the_summary_interrupted()
    {
        // One worker: the fourth trial never starts.
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn)
            .Build(ConfigReader.Read(ConfigFixture.Write(BerConfig()
                .Replace("batch_size = 50\n", "batch_size = 50\nworkers = 1\n", StringComparison.Ordinal))));
        using var model = plan.Model;
        var sink = new MemorySink();
        using var source = new CancellationTokenSource();
        var summary = new CampaignRunner(new LoggerConfiguration().CreateLogger())
            .Run(plan, sink, new CancelAfter(source, 3), null, source.Token);
        Assert.IsTrue(summary.Interrupted);
        Assert.AreEqual(3, summary.Trials);
        Assert.HasCount(3, sink.Trials);
        Assert.AreSame(summary, sink.Summary);
    }

    [TestMethod]
    public void Cancelling_parallel_workers_keeps_every_finished_trial_in_trial_order()
    {
        string config = BerConfig().Replace("repeats = 2", "repeats = 8", StringComparison.Ordinal)
            .Replace("batch_size = 50\n", "batch_size = 50\nworkers = 2\n", StringComparison.Ordinal);
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(config)));
        using var model = plan.Model;
        var sink = new MemorySink();
        using var source = new CancellationTokenSource();
        var summary = new CampaignRunner(new LoggerConfiguration().CreateLogger())
            .Run(plan, sink, new CancelAfter(source, 3), null, source.Token);
        Assert.IsTrue(summary.Interrupted);
        Assert.IsTrue(sink.Trials.Count is >= 3 and < 16, $"{sink.Trials.Count} trials kept");
        Assert.AreEqual(sink.Trials.Count, summary.Trials);
        CollectionAssert.AreEqual(sink.Trials.Select(t => t.Trial).Order().ToList(), sink.Trials.Select(t => t.Trial).ToList(),
            "handed on in trial order");
        Assert.AreEqual(sink.Trials.Count, sink.Trials.Select(t => t.Trial).Distinct().Count());
    }

    [TestMethod]
    [DataRow("1e6", 0L)]
    [DataRow("nan", 4L)]
    public void Outcome_classes_partition_the_samples(string value, long due)
    {
        // One logit of image 0 is replaced in every forward: only that image's output changes.
        string fault = $"[[fault_inject]]\nname = \"o\"\ntarget = \"activation_out\"\nmodule_fullname = \"fc3\"\n" +
            $"selector = {{ method = \"FixPosition\", position = [0, 0] }}\nerror_model = {{ method = \"SetValue\", value = {value} }}\n";
        var t = Run(ConfigFixture.Full(fault)).Trials.Single();
        Assert.AreEqual(200 / 50 * 49, t.Masked, "every image but the first of each batch is untouched");
        Assert.AreEqual(due, t.Due);
        Assert.AreEqual(t.Total, t.Masked + t.Tolerable + t.Sdc + t.Due);
        Assert.AreEqual(due == 0 ? 4 : 0, t.Sdc, "a logit of 1e6 makes class 0 the prediction");
        Assert.IsLessThanOrEqualTo(t.Sdc, t.CriticalSdc);
        Assert.IsGreaterThanOrEqualTo(t.Correct, t.Top5Correct);
    }

    [TestMethod]
    public void Sequential_mode_stops_a_point_once_its_interval_is_within_the_margin()
    {
        // At BER 1e-2 the accuracy differs from repeat to repeat, so the interval never collapses to zero.
        string sweep = "[sweep]\nber = [1e-2]\nrepeats = 12\n\n";
        string wide = ConfigFixture.Full(ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$ber * 8\"", StringComparison.Ordinal),
            sweep + "[campaign]\nmargin = 0.45\nsequential = true\n\n");
        Assert.HasCount(2, Run(wide).Trials, "two repeats already pin accuracy to ±45 %");
        string narrow = wide.Replace("margin = 0.45", "margin = 0.000001", StringComparison.Ordinal);
        Assert.HasCount(12, Run(narrow).Trials, "an unreachable margin runs every repeat");
    }

    [TestMethod]
    public void Sequential_mode_stops_only_when_the_outcome_rate_intervals_are_within_the_margin_too()
    {
        string sweep = "[sweep]\nber = [1e-3, 1e-2]\nrepeats = 10\n\n";
        string toml = ConfigFixture.Full(ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$ber * 8\"", StringComparison.Ordinal),
            sweep + "[campaign]\nmargin = 0.02\nsequential = true\n\n");
        var run = Run(toml).Trials;
        var all = Run(toml.Replace("sequential = true", "sequential = false", StringComparison.Ordinal)).Trials;
        double[] t975 = [double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262];
        // Half-width of the 95 % t-interval of values, clipped to [0, 1] as points.parquet clips rates.
        double Half(IReadOnlyList<double> v)
        {
            double mean = v.Average(), h =
                t975[v.Count - 1] * Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1)) / Math.Sqrt(v.Count);
            return (Math.Min(1, mean + h) - Math.Max(0, mean - h)) / 2;
        }
        int StopAt(List<TrialRecord> point, bool ratesToo)
        {
            for (int n = 2; n <= point.Count; n++)
            {
                var first = point.Take(n).ToList();
                double widest = Half([.. first.Select(t => t.Accuracy)]);
                if (ratesToo)
                {
                    foreach (var count in new Func<TrialRecord, long>[] { t => t.Sdc, t => t.CriticalSdc, t => t.Due, t => t.Masked })
                        widest = Math.Max(widest, Half([.. first.Select(t => count(t) / (double)t.Total)]));
                }
                if (widest <= 0.02) return n;
            }
            return point.Count;
        }
        bool differs = false;
        foreach (var point in all.GroupBy(t => t.Point))
        {
            var trials = point.OrderBy(t => t.Repeat).ToList();
            Assert.AreEqual(StopAt(trials, ratesToo: true), run.Count(t => t.Point == point.Key), $"point {point.Key}");
            differs |= StopAt(trials, ratesToo: true) != StopAt(trials, ratesToo: false);
        }
        Assert.IsTrue(differs, "the config should have a point whose accuracy settles before its rates do");
    }

    [TestMethod]
    public void Sequential_mode_resumed_after_an_interruption_stops_where_the_uninterrupted_run_stopped()
    {
        string sweep = "[sweep]\nber = [1e-3, 1e-2]\nrepeats = 10\n\n";
        string toml = ConfigFixture.Full(ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$ber * 8\"", StringComparison.Ordinal),
            sweep + "[campaign]\nmargin = 0.02\nsequential = true\n\n");
        var full = Run(toml).Trials.Select(t => t.Trial).ToList();
        Assert.IsTrue(full.Count is > 4 and < 20, $"the margin should stop at least one point early: {string.Join(",", full)}");

        // The first run was killed after its first two trials; resuming knows their records and runs only the rest.
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(toml)));
        using var model = plan.Model;
        var first = new MemorySink();
        using (var source = new CancellationTokenSource())
            new CampaignRunner(new LoggerConfiguration().CreateLogger()).Run(plan, first, new CancelAfter(source, 2), null, source.Token);
        Assert.HasCount(2, first.Trials);
        var finished = first.Trials.ToDictionary(t => t.Trial);
        var second = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger())
            .Run(plan, null, second, new SilentProgress(),
                new RunRequest { Finished = finished.Keys.ToHashSet(), FinishedRecords = finished });
        CollectionAssert.AreEqual(full, first.Trials.Concat(second.Trials).Select(t => t.Trial).ToList());
        Assert.IsTrue(second.Summary!.OverheadOverGolden > 0, "golden and faulty passes are timed for the manifest");
    }

    [TestMethod]
    public void Trial_seeds_are_derived_and_distinct()
    {
        var seeds = Enumerable.Range(0, 1000).Select(t => TrialSeeds.For(42, t)).ToList();
        Assert.HasCount(1000, seeds.Distinct());
        Assert.IsTrue(seeds.All(s => s >= 0));
        Assert.AreEqual(TrialSeeds.For(42, 7), TrialSeeds.For(42, 7));
        Assert.AreNotEqual(TrialSeeds.For(42, 7), TrialSeeds.For(43, 7));
    }

    [TestMethod]
    public void Data_of_the_wrong_shape_is_a_clear_error()
    {
        string toml = ConfigFixture.Full()
            .Replace("architecture = \"LeNet\"\n", "architecture = \"LeNet\"\nin_channels = 3\nimage_size = 32\n", StringComparison.Ordinal)
            .Replace("weights = ", "# weights = ", StringComparison.Ordinal);
        var e = Assert.ThrowsExactly<MrfiException>(() => Run(toml));
        StringAssert.Contains(e.Message, "model LeNet expects images of shape [3,32,32] but [data] holds images of shape [1,28,28]");
    }
}
