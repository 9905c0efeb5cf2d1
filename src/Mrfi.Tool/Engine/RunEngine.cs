using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using Mrfi.Core.Planning;
using Mrfi.Results.Parquet;
using Mrfi.Scripting;
using Mrfi.Tool.Commands;
using Mrfi.Tool.Logging;
using Serilog;
using Spectre.Console;

namespace Mrfi.Tool.Engine;

/// <summary>Runs a campaign as a <see cref="RunInvocation"/> asks: read config → plan → dry run → Parquet → [gate]. Everything
/// is validated before the results folder exists; returns the exit code.</summary>
internal sealed class RunEngine(IAnsiConsole console)
{
    /// <summary>Exit code of a run stopped with Ctrl+C.</summary>
    public const int Interrupted = 130;

    /// <summary>Sequential mode stops a point from all of its repeats in order: it cannot be split over shards.</summary>
    internal static void RefuseSequential(MrfiConfig config, string how)
    {
        if (config.Campaign.Sequential)
            throw new MrfiException($"{config.Path}: [campaign] sequential = true decides when to stop a point from all of its repeats " +
                $"in order, so it cannot be split with {how}; run it on one machine, or set sequential = false and use the 'plan' figure " +
                $"for repeats");
    }

    /// <summary>Runs the campaign; 0, <see cref="Interrupted"/> or the gate's verdict.</summary>
    public int Run(RunInvocation run, CancellationToken cancellation)
    {
        var request = run.Request;
        // Validate everything (the same code as `validate`) before creating any output. The request's overrides go into
        // the config here, once, before planning.
        var plan = ToolCatalog.Load(run.ConfigPath, run.Options with { Request = request });
        using var model = plan.Model;
        using var data = CampaignRunner.LoadData(plan);
        Watched.DryRun(plan, data);
        CampaignRunner.ResolveDevice(plan.Config.Run);
        if (run.Json is { } jsonPath) RunJson.Check(jsonPath);
        Check(plan, request);
        string folder = Path.GetFullPath(request.Output ?? ResultsFolder.NewUnder(plan.Config.Run.Output));
        var sink = new ParquetResultSink(folder, plan.SweepNames, CampaignIdentity.For(plan), request.Shard, resume: request.Resume);
        request = request with { Finished = sink.Finished, FinishedRecords = sink.FinishedTrials };
        // Shards run side by side and each keeps its own log.
        using var log = LogSetup.Create(console, Path.Combine(folder, request.Shard is null ? "mrfi.log" : $"mrfi-{request.Shard.Tag}.log"),
            run.Verbose);
        var (summary, progress) = Execute(plan, data, sink, request, run, log, cancellation);
        SummaryTable.Write(console, progress.Trials, plan.SweepNames, summary);
        if (run.Json is { } json) RunJson.Write(json, summary, sink.Trials);
        if (request.Trials.Count > 0) log.Information("Replayed trial(s) {Trials} only", string.Join(", ", request.Trials.Order()));
        return Finish(plan.Config, summary, sink, request, run.Rerun);
    }

    /// <summary>The checks of the request against the plan, made before the results folder exists, so that a mistyped
    /// --trial leaves nothing behind.</summary>
    private static void Check(CampaignPlan plan, RunRequest request)
    {
        if (request.Shard is not null && request.Output is null)
            throw new MrfiException("--shard needs --out DIR, the folder all shards share");
        if (request.Shard is not null) RefuseSequential(plan.Config, "--shard");
        var bad = request.Trials.FirstOrDefault(t => t < 0 || t >= plan.TrialCount, -1);
        if (bad >= 0) throw new MrfiException($"--trial {bad}: the campaign has trials 0 to {plan.TrialCount - 1}");
    }

    private (CampaignSummary, ProgressReporter) Execute(CampaignPlan plan, ImageDataset data, ParquetResultSink sink, RunRequest request,
        RunInvocation run, ILogger log, CancellationToken cancellation)
    {
        log.Information("mrfi {Version}: {Config} → {Folder}", MrfiApp.Version, Path.GetFullPath(run.ConfigPath), sink.Folder);
        log.Debug("Torch {Torch}; native setup: {Native}", TorchSharp.torch.__version__, Mrfi.Core.Native.TorchNative.Setup);
        log.Information("Plan: {Points} sweep point(s) × {Repeats} repeat(s), {Entries} fault entr(ies), {Observers} observer entr(ies)",
            plan.Points.Count, plan.Repeats, plan.Config.Faults.Count, plan.Observers.Count);
        bool records = FaultEstimate.Decide(plan, data);
        log.Information("Fault records (faults.parquet): {State}", records ? "on" : "off");
        var runner = new CampaignRunner(log) { RecordFaults = records };
        var progress = new ProgressReporter(console, log);
        using var ctrlC = new CtrlC(cancellation);
        if (request.Finished.Count > 0)
            log.Information("Resuming: {Finished} trial(s) already finished in {Folder}", request.Finished.Count, sink.Folder);
        var summary = RunFailure.Guard(log, sink, $"dotnet mrfi run {run.Rerun} --resume {sink.Folder}",
            () => progress.Run(p => SnippetWatchdog.Guard(() => runner.Run(plan, data, sink, p, request, ctrlC.Token))));
        return (summary, progress);
    }

    /// <summary>The closing lines and the exit code: interrupted, done, and the gate where the whole campaign ran.</summary>
    private int Finish(MrfiConfig config, CampaignSummary summary, ParquetResultSink sink, RunRequest request, string rerun)
    {
        string folder = sink.Folder;
        if (summary.Interrupted)
        {
            console.MarkupLineInterpolated($"[yellow]interrupted[/] after {summary.Trials} trials; the finished ones are in {
                folder}. Continue with: dotnet mrfi run {rerun} --resume {folder}");
            return Interrupted;
        }
        console.MarkupLineInterpolated(
            $"[green]done[/] {summary.Trials} trials in {(summary.FinishedAt - summary.StartedAt).TotalSeconds:F1} s → {folder}");
        if (request.Shard is { } shard)
            console.WriteLine($"shard {shard.Index}/{shard.Count} done; when every shard has finished: dotnet mrfi merge {folder}");
        // A gate judges whole sweep points, so a shard or a replay of single trials cannot pass or fail it.
        if (config.Gates.Count > 0 && request.Partial)
        {
            console.WriteLine("gate not checked: it needs every trial of the campaign (not a --shard or --trial subset)");
            return 0;
        }
        return GateReport.Check(console, config, sink.Trials);
    }
}
