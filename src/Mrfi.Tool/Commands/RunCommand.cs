using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Planning;
using Mrfi.Results.Parquet;
using Mrfi.Tool.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi run</c>: read config → plan → run → Parquet. User mistakes end in one message and exit code 2.</summary>
internal sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    public const int UserError = 2;
    public const int Interrupted = 130;

    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            // Validate everything (the same code as `validate`) before creating any output.
            var plan = ToolCatalog.Load(settings.Config, settings.Options);
            using var model = plan.Model;
            using var data = CampaignRunner.LoadData(plan);
            DryRun.Check(plan, data, plan.Config.Run.Seed);
            var config = plan.Config;
            string folder = settings.Out is { } o ? Path.GetFullPath(o) : ResultsFolder.NewUnder(config.Run.Output);
            Directory.CreateDirectory(folder);
            using var log = LogSetup.Create(console, Path.Combine(folder, "mrfi.log"), settings.Verbose);
            log.Information("mrfi {Version}: {Config} → {Folder}", MrfiApp.Version, Path.GetFullPath(settings.Config), folder);
            log.Debug("Torch {Torch}; native setup: {Native}", TorchSharp.torch.__version__, Mrfi.Core.Native.TorchNative.Setup);
            log.Information("Plan: {Points} sweep point(s) × {Repeats} repeat(s), {Entries} fault entr(ies), {Observers} observer entr(ies)",
                plan.Points.Count, plan.Repeats, config.Faults.Count, plan.Observers.Count);
            var sink = new ParquetResultSink(folder, plan.SweepNames);
            var runner = new CampaignRunner(log);
            var progress = new ProgressReporter(console, log);
            using var ctrlC = new CtrlC(cancellationToken);
            var only = settings.Trials.ToHashSet();
            var bad = only.FirstOrDefault(t => t < 0 || t >= plan.TrialCount, -1);
            if (bad >= 0) throw new MrfiException($"error: --trial {bad}: the campaign has trials 0 to {plan.TrialCount - 1}");
            var summary = progress.Run(p => runner.Run(plan, data, sink, p, settings.Seed, only.Count == 0 ? null : only.Contains, ctrlC.Token));
            SummaryTable.Write(console, progress.Trials, plan.SweepNames, summary);
            if (only.Count > 0) log.Information("Replayed trial(s) {Trials} only", string.Join(", ", only.Order()));
            if (summary.Interrupted)
            {
                console.MarkupLineInterpolated($"[yellow]interrupted[/] after {summary.Trials} of {plan.TrialCount} trials; the finished trials are in {folder}");
                return Interrupted;
            }
            console.MarkupLineInterpolated($"[green]done[/] {summary.Trials} trials in {(summary.FinishedAt - summary.StartedAt).TotalSeconds:F1} s → {folder}");
            return 0;
        }
        catch (MrfiException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return UserError;
        }
        finally
        {
            // The run's logger (and its file) is disposed with the run; components must not log into it afterwards.
            Serilog.Log.Logger = Serilog.Core.Logger.None;
        }
    }
}
