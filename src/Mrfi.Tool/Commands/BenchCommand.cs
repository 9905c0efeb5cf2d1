using System.Globalization;
using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Planning;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi bench</c>: forward time of one batch as float, golden and faulty run, with ratios from the same run.</summary>
internal sealed class BenchCommand(IAnsiConsole console) : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var plan = ToolCatalog.Load(settings.Config, settings.Options);
            using var model = plan.Model;
            var config = plan.Config;
            if (config.Run.Threads > 0) torch.set_num_threads(config.Run.Threads);
            using var data = CampaignRunner.LoadData(plan);
            var (images, _) = data.Batches(config.Run.BatchSize)[0];
            var r = ForwardBenchmark.Run(plan, images, settings.Iterations);
            var table = new Table().Border(TableBorder.Simple).AddColumns("mode", "ms / batch (median)", "× float");
            table.AddRow("float (no hooks)", F(r.FloatMs), "1.00");
            table.AddRow("golden (quantize)", F(r.GoldenMs), F(r.GoldenMs / r.FloatMs));
            table.AddRow("faulty (quantize + inject)", F(r.FaultyMs), F(r.FaultyMs / r.FloatMs));
            console.WriteLine($"{plan.ModelName}, batch {r.BatchSize}, {r.Iterations} forwards/mode, {torch.get_num_threads()} threads, point 0:{SweepText.Format(plan.Points[0].Values)}");
            console.Write(table);
            return 0;
        }
        catch (MrfiException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return RunCommand.UserError;
        }
    }

    private static string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
}
