using System.Diagnostics;
using Mrfi.Core.Data;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using TorchSharp;
using static TorchSharp.torch;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Campaigns;

/// <summary>One sweep point of a run: its golden pass, then its repeats, on several workers side by side or in order (where
/// sequential mode may stop the point early).</summary>
internal sealed class PointRun(RunContext run)
{
    private CampaignPlan Plan => run.Plan;

    /// <summary>Runs the golden pass of <paramref name="point"/> and the repeats in <paramref name="repeats"/>.</summary>
    public void Run(SweepPoint point, IReadOnlySet<int> repeats)
    {
        var lane = run.Lanes[0];
        var config = Plan.Config.Run;
        var bindings = Plan.Observers.SelectMany(o => o.Bind()).ToList();
        using var session = new FaultInjectionSession(lane.Model, point.Entries, bindings,
            new SessionOptions { CampaignSeed = run.Seed, RecordFaults = run.RecordFaults, Batched = config.Batched });
        run.Progress.Phase($"golden pass, point {point.Index}");
        // Observers that compare against the golden run get its tensors from this pass, replayed per trial, when they fit.
        using var cache = session.NeedsGoldenPerBatch && config.GoldenCacheMb > 0 ? new GoldenCache(config.GoldenCacheMb << 20) : null;
        // Without observers, a faulty forward whose last injecting layer matches the golden output can stop there.
        using var exit = config.EarlyExit && bindings.Count == 0 && point.Entries.Any(e => e.Enabled)
            ? new EarlyExit(config.GoldenCacheMb << 20) : null;
        var goldenClock = Stopwatch.StartNew();
        long goldenCorrect;
        List<Tensor> outputs;
        using (session.Forward(new ForwardState(InjectionMode.Golden) { Observe = cache is not null, Capture = cache, EarlyExit = exit }))
            (goldenCorrect, outputs) = CampaignRunner.Evaluate(lane.Model, lane.Batches, _ => run.Comparison, keepOutputs: true,
                beforeBatch: cache is null && exit is null ? null : () => { cache?.NextBatch(); exit?.NextBatch(); });
        run.Timing.AddGolden(point.Index, goldenClock.Elapsed.TotalSeconds);
        exit?.Finish();
        var replay = cache is { Usable: true } ? cache : null;
        if (cache is not null)
            run.Log.Debug(replay is null ? "Golden activations exceed [run] golden_cache_mb = {Limit}: each trial runs its own golden " +
                "forward" : "Golden activations cached: {Bytes} bytes",
                replay is null ? config.GoldenCacheMb : cache.Bytes);
        var golden = new GoldenPass(point, outputs, run.Comparison.Classifies ? goldenCorrect / (double)run.Samples : double.NaN,
            exit is { Usable: true } ? exit : null);
        try
        {
            CheckLabels(golden);
            var todo = Enumerable.Range(0, Plan.Repeats).Where(repeats.Contains).ToList();
            if (run.Lanes.Count > 1 && todo.Count > 1) Parallel(golden, todo, session, replay);
            else InOrder(golden, repeats, session, replay);
        }
        finally
        {
            foreach (var g in outputs) g.Dispose();
        }
    }

    /// <summary>Logs the golden accuracy and, once per campaign, warns when the label order looks wrong: a wrong order gives
    /// plausible-looking but wrong accuracies.</summary>
    private void CheckLabels(GoldenPass golden)
    {
        if (!run.Comparison.Classifies) return;
        run.Log.Information("Point {Point}{Values:l}: golden accuracy {Accuracy:P2}", golden.Point.Index,
            SweepText.Format(golden.Point.Values), golden.Accuracy);
        if (!run.LabelsChecked && (run.LabelsChecked = true) && Plan.Config.Data.Format != "synthetic"
            && LabelOrderCheck.Warning(run.Lanes[0].Batches, golden.Outputs, DatasetLoader.ClassNames(Plan.Config.Data)) is { } warning)
            run.Log.Warning("{Warning:l}", warning);
    }

    private void Parallel(GoldenPass golden, IReadOnlyList<int> todo, FaultInjectionSession session, GoldenCache? replay)
    {
        var wall = Stopwatch.StartNew();
        int emitted = 0;
        ParallelTrials.Run(run, golden.Point, todo, session, replay,
            (s, lane, replayInto, repeat) => Trial(golden, s, lane, replayInto, repeat),
            result =>
            {
                run.Finished(result);
                emitted++;
            });
        run.Timing.AddTrials(wall.Elapsed.TotalSeconds, emitted);
    }

    private void InOrder(GoldenPass golden, IReadOnlySet<int> repeats, FaultInjectionSession session, GoldenCache? replay)
    {
        var finished = new List<TrialRecord>();
        var goal = Plan.Config.Campaign;
        for (int repeat = 0; repeat < Plan.Repeats; repeat++)
        {
            long trial = (long)golden.Point.Index * Plan.Repeats + repeat;
            if (!repeats.Contains(repeat))
            {
                // Finished in an earlier run: it still counts towards the sequential stop; otherwise another shard's or not asked for.
                if (!run.Request.FinishedRecords.TryGetValue(trial, out var earlier)) continue;
                finished.Add(earlier);
            }
            else
            {
                run.Cancellation.ThrowIfCancellationRequested();
                var result = Trial(golden, session, run.Lanes[0], replay is null ? null : replay.Replay, repeat);
                run.Timing.AddTrial(result.Record.ElapsedSeconds);
                run.Finished(result);
                finished.Add(result.Record);
            }
            // Every interval points.parquet reports (accuracy and the outcome rates, across trials) must be within the margin.
            if (goal.Sequential && finished.Count >= 2 && PointStatistics.WidestHalfWidth(finished, goal.Confidence) is var half
                && half <= goal.Margin)
            {
                run.Log.Information("Point {Point}: accuracy {Mean:P2}, widest interval ± {Half:P2} after {Repeats} repeats, within the " +
                    "margin; next point",
                    golden.Point.Index, PointStatistics.Accuracy(finished, goal.Confidence).Estimate, half, finished.Count);
                break;
            }
        }
    }

    /// <summary>One trial: repeat <paramref name="repeat"/> of the point on one worker's session, model and batches.</summary>
    private TrialResult Trial(GoldenPass golden, FaultInjectionSession session, TrialLane lane, Action<int>? replay, int repeat)
    {
        var clock = Stopwatch.StartNew();
        var point = golden.Point;
        long trial = (long)point.Index * Plan.Repeats + repeat;
        long trialSeed = TrialSeeds.For(run.Seed, trial);
        long earlyExits = 0;
        session.BeginTrial(trialSeed, trial);
        var outcome = new TrialOutcome();
        for (int b = 0; b < lane.Batches.Count; b++)
        {
            // Ctrl+C stops between batches; the unfinished trial is dropped and runs again on --resume.
            run.Cancellation.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var (images, labels) = lane.Batches[b];
            if (replay is not null) replay(b);
            else if (session.NeedsGoldenPerBatch)
            {
                using (session.Forward(new ForwardState(InjectionMode.Golden, b)))
                    lane.Model.call(images);
            }
            Tensor output;
            try
            {
                using (session.Forward(new ForwardState(InjectionMode.Faulty, b) { EarlyExit = golden.Exit }))
                    output = lane.Model.call(images);
            }
            catch (EarlyExitSignal)
            {
                // The last injecting layer matched the golden run: the rest of the forward gives the golden logits.
                output = golden.Outputs[b];
                earlyExits++;
            }
            run.Comparison.Add(outcome, output, golden.Outputs[b], labels);
        }
        var faults = session.EndTrial();
        var observed = ObserverRows.Of(session, trial);
        var record = new TrialRecord(trial, point.Index, repeat, trialSeed, point.Values,
            run.Comparison.Classifies ? outcome.Correct / (double)run.Samples : double.NaN,
            golden.Accuracy, run.FloatAccuracy, outcome.Correct, run.Samples, outcome.Changed, faults.Count, clock.Elapsed.TotalSeconds,
            DateTime.UtcNow)
        {
            Top5Correct = outcome.Top5, Masked = outcome.Masked, Tolerable = outcome.Tolerable, Sdc = outcome.Sdc,
            CriticalSdc = outcome.Critical, Due = outcome.Due,
            Output = run.Comparison.Name, Rmse = outcome.Rmse, MaxDeviation = outcome.MaxDeviation, OutputRmse = outcome.OutputRmse,
        };
        return new TrialResult(record, observed, faults.Records, earlyExits);
    }
}
