using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Planning;
using Mrfi.Results.Parquet;
using Mrfi.Scripting;
using Mrfi.Tool.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi run</c>: read config → plan → run → Parquet → [gate]. User mistakes end in one message and exit code 2, a failed gate in exit code 3.</summary>
internal sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    public const int UserError = 2;
    public const int Interrupted = 130;

    /// <summary>Sequential mode stops a point from all of its repeats in order: it cannot be split over shards.</summary>
    internal static void RefuseSequential(Mrfi.Core.Configuration.MrfiConfig config, string how)
    {
        if (config.Campaign.Sequential)
            throw new MrfiException($"{config.Path}: [campaign] sequential = true decides when to stop a point from all of its repeats in order, so it cannot be split with {how}; run it on one machine, or set sequential = false and use the 'plan' figure for repeats");
    }

    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return UserErrors.Guard(console, () =>
            {
                if (settings.Threads is < 1) throw new MrfiException($"--threads {settings.Threads}: give at least 1");
                string configPath = settings.Example is { } example ? BundledExample.Write(example) : settings.Config;
                string again = settings.Example is { } e ? $"--example {e}" : settings.Config;
                // Validate everything (the same code as `validate`) before creating any output.
                var plan = ToolCatalog.Load(configPath, settings.Options with { Seed = settings.Seed });
                if (settings.Threads is { } threads) plan = plan with { Config = plan.Config with { Run = plan.Config.Run with { Threads = threads } } };
                using var model = plan.Model;
                using var data = CampaignRunner.LoadData(plan);
                Watched.DryRun(plan, data);
                var config = plan.Config;
                CampaignRunner.ResolveDevice(config.Run);
                if (settings.Json is { } jsonPath) RunJson.Check(jsonPath);
                var shard = settings.Shard is { } sh ? Shard.Parse(sh) : null;
                if (shard is not null && settings.Out is null && settings.Resume is null)
                    throw new MrfiException("--shard needs --out DIR, the folder all shards share");
                if (shard is not null) RefuseSequential(config, "--shard");
                // Checked before the results folder exists, so that a mistyped --trial leaves nothing behind.
                var only = settings.Trials.ToHashSet();
                var bad = only.FirstOrDefault(t => t < 0 || t >= plan.TrialCount, -1);
                if (bad >= 0) throw new MrfiException($"--trial {bad}: the campaign has trials 0 to {plan.TrialCount - 1}");
                string folder = Path.GetFullPath(settings.Resume ?? settings.Out ?? ResultsFolder.NewUnder(config.Run.Output));
                var identity = CampaignIdentity.For(plan);
                var sink = new ParquetResultSink(folder, plan.SweepNames, identity, shard, resume: settings.Resume is not null);
                // Shards run side by side and each keeps its own log.
                using var log = LogSetup.Create(console, Path.Combine(folder, shard is null ? "mrfi.log" : $"mrfi-{shard.Tag}.log"), settings.Verbose);
                log.Information("mrfi {Version}: {Config} → {Folder}", MrfiApp.Version, Path.GetFullPath(configPath), folder);
                log.Debug("Torch {Torch}; native setup: {Native}", TorchSharp.torch.__version__, Mrfi.Core.Native.TorchNative.Setup);
                log.Information("Plan: {Points} sweep point(s) × {Repeats} repeat(s), {Entries} fault entr(ies), {Observers} observer entr(ies)",
                    plan.Points.Count, plan.Repeats, config.Faults.Count, plan.Observers.Count);
                bool records = FaultEstimate.Decide(plan, data);
                log.Information("Fault records (faults.parquet): {State}", records ? "on" : "off");
                var runner = new CampaignRunner(log) { RecordFaults = records, FinishedTrials = sink.FinishedTrials };
                var progress = new ProgressReporter(console, log);
                using var ctrlC = new CtrlC(cancellationToken);
                var finished = sink.Finished;
                if (finished.Count > 0) log.Information("Resuming: {Finished} trial(s) already finished in {Folder}", finished.Count, folder);
                Func<long, bool>? include = only.Count == 0 && shard is null && finished.Count == 0 ? null
                    : t => (only.Count == 0 || only.Contains(t)) && (shard?.Includes(t) ?? true) && !finished.Contains(t);
                var summary = RunFailure.Guard(log, sink, $"dotnet mrfi run {again} --resume {folder}",
                    () => progress.Run(p => SnippetWatchdog.Guard(() => runner.Run(plan, data, sink, p, null, include, ctrlC.Token))));
                SummaryTable.Write(console, progress.Trials, plan.SweepNames, summary);
                if (settings.Json is { } json) RunJson.Write(json, summary, sink.Trials);
                if (only.Count > 0) log.Information("Replayed trial(s) {Trials} only", string.Join(", ", only.Order()));
                if (summary.Interrupted)
                {
                    console.MarkupLineInterpolated($"[yellow]interrupted[/] after {summary.Trials} trials; the finished ones are in {folder}. Continue with: dotnet mrfi run {again} --resume {folder}");
                    return Interrupted;
                }
                console.MarkupLineInterpolated($"[green]done[/] {summary.Trials} trials in {(summary.FinishedAt - summary.StartedAt).TotalSeconds:F1} s → {folder}");
                if (shard is not null) console.WriteLine($"shard {shard.Index}/{shard.Count} done; when every shard has finished: dotnet mrfi merge {folder}");
                // A gate judges whole sweep points, so a shard or a replay of single trials cannot pass or fail it.
                if (config.Gates.Count > 0 && (shard is not null || only.Count > 0))
                {
                    console.WriteLine("gate not checked: it needs every trial of the campaign (not a --shard or --trial subset)");
                    return 0;
                }
                return GateReport.Check(console, config, sink.Trials);
            });
        }
        finally
        {
            // The run's logger (and its file) is disposed with the run; components must not log into it afterwards.
            Serilog.Log.Logger = Serilog.Core.Logger.None;
        }
    }
}
