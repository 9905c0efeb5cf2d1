using Mrfi.Core;
using Mrfi.Core.Benchmarks;
using Mrfi.Core.Planning;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Tool.Commands;

/// <summary><c>bench --onnx</c>: every row of the imported graph paired with the graph's own golden forward in the same
/// rounds and, when the file holds a built-in model's weights, with that model's row and golden forward too, so both
/// ratios of a row (and their difference) come from runs that met the same machine.</summary>
/// <param name="console">Where the tables go.</param>
/// <param name="settings">The command's options.</param>
/// <param name="temp">The generated config file, rewritten per model.</param>
internal sealed class BenchOnnx(IAnsiConsole console, BenchSettings settings, string temp)
{
    /// <summary>Measures, prints and returns the comparison (the imported graph alone when there is no twin).</summary>
    public BenchComparison Measure(BenchOnnxInput input)
    {
        var (target, twin, noTwin, rows, images, iterations, single, lenet) = input;
        var plans = new List<CampaignPlan> { Plan(target.Sections, rows, images) };
        try
        {
            if (twin is not null)
            {
                var builtIn = Plan(BenchTarget.WithModel(twin.Architecture, twin.ModelSection, lenet).Sections, rows, images);
                plans.Add(builtIn);
                if (!twin.CopyInto(builtIn.Model, out var mismatch)) throw new MrfiException($"--onnx: {mismatch}");
                console.WriteLine($"the file holds the weights of the built-in {twin.Architecture}: it is timed too, with the same " +
                    $"weights and input, in the same rounds");
            }
            else
            {
                console.WriteLine($"no built-in model to compare with ({noTwin}): the graph is timed alone, each row against its own " +
                    $"golden forward");
            }
            if (target.Feeds.Length > 0) console.WriteLine($"bench feeds {target.Name} {target.Feeds}");
            console.WriteLine($"{target.Name}, batch [{string.Join(",", images.shape)}], {torch.get_num_threads()} threads; per row " +
                $"{iterations} paired rounds after {settings.Warmup} warm-up "
                + $"({(twin is null ? "row and golden forward" : "imported row and golden, built-in row and golden")}, reversed every "
                + $"other round); single faults in '{single}'");
            var measured = PairedBenchmark.Run(plans, rows, images, iterations, settings.Warmup,
                (done, total) => { if (done % Math.Max(1, total / 5) == 0 || done == total) console.WriteLine($"  row {done}/{total}"); });
            var memory = settings.NoMemory ? null : InjectionBenchmark.PeakMemory(plans[0], rows, images);
            var onnx = Result(target.Name, measured[0], images, iterations) with { Memory = memory, Campaign = input.Campaign };
            if (twin is null)
            {
                BenchCommand.Print(console, onnx, rows.Any(r => r.Group == "faults"));
                console.WriteLine($"each ratio is the median of {iterations} per-round ratios row / golden forward of the same round (× " +
                    $"golden); no built-in model: {noTwin}");
                return BenchComparison.Alone(onnx, noTwin);
            }
            var builtInResult = Result(twin.Architecture, measured[1], images, iterations);
            BenchCommand.Print(console, onnx, rows.Any(r => r.Group == "faults"));
            var comparison = BenchComparison.Measure(plans[0].Model, plans[1].Model, images, iterations, settings.Warmup, onnx,
                builtInResult);
            comparison.Print(console);
            return comparison;
        }
        finally
        {
            foreach (var plan in plans) plan.Model.Dispose();
        }
    }

    private CampaignPlan Plan(string sections, IReadOnlyList<BenchScenario> rows, Tensor images)
    {
        File.WriteAllText(temp, BenchScenarios.Config(sections, (int)images.shape[0], rows));
        return ToolCatalog.Load(temp);
    }

    private static BenchResult Result(string name, (double GoldenMs, IReadOnlyList<BenchRow> Rows) measured, Tensor images,
        int iterations) =>
        new(name, images.shape, torch.get_num_threads(), iterations, measured.GoldenMs, measured.Rows) { Machine = BenchCommand.Machine() };
}
