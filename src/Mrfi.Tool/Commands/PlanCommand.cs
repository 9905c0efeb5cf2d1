using System.Diagnostics;
using System.Globalization;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using Mrfi.Core.Configuration;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi plan</c>: matched layers with shapes, fault populations, expected faults per trial, trial count and an
/// estimated run time from one timed golden batch — without injecting anything.</summary>
internal sealed class PlanCommand(IAnsiConsole console) : Command<ConfigOnlySettings>
{
    public override int Execute(CommandContext context, ConfigOnlySettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        var plan = ToolCatalog.Load(settings.Config, settings.Options);
        using var model = plan.Model;
        var config = plan.Config;
        if (config.Run.Threads > 0) torch.set_num_threads(config.Run.Threads);
        using var data = CampaignRunner.LoadData(plan);
        var batches = data.Batches(config.Run.BatchSize);
        var rows = FaultEstimate.Rows(plan, data);

        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("point", "entry", "layer", "tensor", "shape", "values × bits", "faults / trial");
        foreach (var r in rows)
        {
            string point = r.Point + ShortSweep(plan.Points[r.Point].Values);
            table.AddRow(Cells.Of(point, r.Entry, ValidateCommand.Display(r.Module), r.Tensor, $"[{string.Join(",", r.Shape)}]",
                $"{r.Values:N0} × {r.Bits} = {r.Population:N0}", r.ExpectedPerTrial?.ToString("G4", CultureInfo.InvariantCulture) ?? "?"));
        }
        console.Write(table);

        double batchMs = GoldenBatchMs(plan, batches[0].Images);
        bool goldenPerBatch = plan.Observers.Any(o => o.Create() is IGoldenAwareObserver);
        double forwardsPerTrial = batches.Count * (goldenPerBatch ? 2 : 1);
        double seconds = (plan.Points.Count * batches.Count + plan.TrialCount * forwardsPerTrial + batches.Count) * batchMs / 1000;
        console.WriteLine($"{plan.Points.Count} point(s) × {plan.Repeats} repeat(s) = {plan.TrialCount} trials of {data.Count} samples " +
            $"in {batches.Count} batches of {config.Run.BatchSize}");
        if (ClassOrder.Describe(config.Data) is { } classes) console.WriteLine(classes);
        double? faults = FaultEstimate.Total(rows, plan.Repeats);
        bool on = FaultEstimate.Decide(config.Run, faults);
        console.WriteLine(faults is double total
            ? $"expected faults: {total.ToString("N0", CultureInfo.InvariantCulture)} over the campaign; faults.parquet " +
                $"{(on ? "on" : "off")} (~{(total * FaultEstimate.BytesPerRecord / 1e6).ToString("F1", CultureInfo.InvariantCulture)} MB)"
            : $"expected faults: unknown (a selector cannot say); faults.parquet {(on ? "on" : "off")}");
        var goal = plan.Config.Campaign;
        if (goal.Margin is double margin)
        {
            foreach (var group in rows.GroupBy(r => r.Point))
            {
                double population = group.Sum(r => (double)r.Population);
                long n = Mrfi.Core.Statistics.SampleSize.Leveugle(population, margin, goal.Confidence);
                console.WriteLine($"point {group.Key}: fault population {population.ToString("N0", CultureInfo.InvariantCulture)} " +
                    $"(values × bits); for ±{margin.ToString("P1", CultureInfo.InvariantCulture)} at " +
                    $"{goal.Confidence.ToString("P0", CultureInfo.InvariantCulture)} confidence inject " +
                    $"{n.ToString("N0", CultureInfo.InvariantCulture)} single faults (Leveugle et al., DATE " +
                    $"2009){(goal.Sequential ? "; sequential mode stops each point's repeats at the margin" : "")}");
            }
        }
        console.WriteLine($"one golden batch: {batchMs.ToString("F1", CultureInfo.InvariantCulture)} ms; estimated forward time ≈ " +
            $"{seconds.ToString("F1", CultureInfo.InvariantCulture)} s (observers and writing results come on top)");
        return 0;
    });

    private static string ShortSweep(Mrfi.Core.Configuration.SweepValues values) =>
        values.Names.Count == 0 ? "" : $" ({SweepText.Format(values).Trim()})";

    private static double GoldenBatchMs(CampaignPlan plan, torch.Tensor images)
    {
        using var session = new FaultInjectionSession(plan.Model, plan.Points[0].Entries, []);
        using var golden = session.Forward(InjectionMode.Golden);
        using var noGrad = torch.no_grad();
        var times = new List<double>();
        for (int i = 0; i < 6; i++)
        {
            using var scope = torch.NewDisposeScope();
            var clock = Stopwatch.StartNew();
            plan.Model.call(images);
            if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds);   // the first call warms up
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
