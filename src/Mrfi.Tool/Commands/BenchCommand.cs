using System.Globalization;
using System.Text.Json;
using Mrfi.Core;
using Mrfi.Core.Benchmarks;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi bench</c>: injection and observer cost against the golden forward, campaign throughput and peak
/// memory, measured in one run and printed as a table (and JSON).</summary>
internal sealed class BenchCommand(IAnsiConsole console) : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        string? temp = null;
        try
        {
            return UserErrors.Guard(console, () =>
            {
                string architecture = BenchModels.Architecture(settings.Model);
                bool lenet = architecture == "LeNet";
                int batch = settings.Batch ?? (lenet ? 256 : 16);
                int iterations = settings.Iterations ?? (lenet ? 30 : 5);
                torch.set_num_threads(settings.Threads ?? Environment.ProcessorCount);
                string sections = BenchModels.Sections(architecture, settings.ImageSize);
                temp = Path.Combine(Path.GetTempPath(), $"mrfi-bench-{Environment.ProcessId}.toml");

                // First the bare model: its layer shapes decide the single-fault layer and the 10^6-fault rate.
                File.WriteAllText(temp, sections + $"\n[run]\nbatch_size = {batch}\n");
                using var images = Images(ToolCatalog.Load(temp), lenet, batch, out var shapes);
                var layers = shapes.Where(s => s.Type is "Conv2d" or "Linear" && s.Input is not null).ToList();
                var convs = layers.Where(s => s.Type == "Conv2d").ToList();
                string single = convs.Count > 0 ? convs[convs.Count / 2].Name : layers[0].Name;
                double population = layers.Sum(s => (double)s.Input!.Aggregate(1L, (a, b) => a * b));
                var rows = BenchScenarios.For(single, population >= 1e6 ? 1e6 / population : null);

                File.WriteAllText(temp, BenchScenarios.Config(sections, batch, rows));
                var plan = ToolCatalog.Load(temp);
                using var model = plan.Model;
                console.WriteLine($"{architecture}, batch [{string.Join(",", images.shape)}], {torch.get_num_threads()} threads, {iterations} timed rounds after {settings.Warmup} warm-up; single faults in '{single}'");
                var (goldenMs, measured) = InjectionBenchmark.Run(plan, rows, images, iterations, settings.Warmup,
                    (done, total) => { if (done % Math.Max(1, total / 5) == 0 || done == total) console.WriteLine($"  round {done}/{total}"); });

                var memory = settings.NoMemory ? null : InjectionBenchmark.PeakMemory(plan, rows, images);
                var campaign = settings.NoCampaign || !File.Exists(settings.Config) ? null : Campaign(settings);
                var result = new BenchResult(architecture, images.shape, torch.get_num_threads(), iterations, goldenMs, measured)
                {
                    Memory = memory, Campaign = campaign, Machine = Machine(),
                };
                Print(result, rows.Any(r => r.Group == "faults"));
                if (settings.Json is { } json)
                {
                    File.WriteAllText(json, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                    console.WriteLine($"wrote {json}");
                }
                return 0;
            });
        }
        finally
        {
            if (temp is not null) File.Delete(temp);
        }
    }

    /// <summary>One batch: LeNet's bundled test images (repeated to fill the batch), seeded uniform noise for the others.</summary>
    private static Tensor Images(CampaignPlan probe, bool real, int batch, out IReadOnlyList<LayerShapes> shapes)
    {
        using var model = probe.Model;
        Tensor images;
        if (real)
        {
            using var data = CampaignRunner.LoadData(probe);
            var all = data.Batches((int)data.Count)[0].Images;
            long repeats = (batch + data.Count - 1) / data.Count;
            using var tiled = all.repeat(repeats, 1, 1, 1);
            images = tiled.narrow(0, 0, batch).clone().DetachFromDisposeScope();
        }
        else
        {
            using var generator = new Generator(1);
            images = torch.rand([batch, .. probe.InputShape], generator: generator).DetachFromDisposeScope();
        }
        using (torch.no_grad()) shapes = ModelProbe.Shapes(model, images);
        return images;
    }

    /// <summary>Peak RSS over three golden forwards, then over three forwards with 8-bit BER 1e-4 faults in weights and activations.</summary>

    private CampaignThroughput Campaign(BenchSettings settings)
    {
        console.WriteLine($"campaign: running {settings.Config} without writing results");
        var plan = ToolCatalog.Load(settings.Config, settings.Options);
        using var model = plan.Model;
        using var data = CampaignRunner.LoadData(plan);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = new CampaignRunner(Serilog.Core.Logger.None).Run(plan, data, new NoSink(), new SilentProgress(), null, null, CancellationToken.None);
        double seconds = clock.Elapsed.TotalSeconds;
        return new CampaignThroughput(Path.GetFullPath(settings.Config), summary.Trials, summary.Trials * (long)data.Count, seconds, data.Count / summary.GoldenSecondsPerPass, data.Count / summary.SecondsPerTrial);
    }

    private void Print(BenchResult r, bool million)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("row").NoWrap()).AddColumns("ms / batch", "× golden", "× quantized golden", "faults / forward");
        table.AddRow("golden forward (no hooks)", F(r.GoldenMs), "1.00", "", "0");
        foreach (var row in r.Rows)
            table.AddRow(row.Name, F(row.MedianMs), F(row.Ratio, "F3"), row.RatioToQuantizedGolden is { } q ? F(q, "F3") : "", row.FaultsPerForward.ToString("G4", CultureInfo.InvariantCulture));
        console.Write(table);
        if (!million) console.WriteLine("10^6 faults per forward: skipped, this model's activations hold fewer than 10^6 values at this batch size");
        if (r.Memory is { } m)
            console.WriteLine($"peak RSS: golden {m.GoldenBytes / 1048576.0:F0} MiB, injected {m.InjectedBytes / 1048576.0:F0} MiB ({F(m.Ratio, "F3")}×)");
        if (r.Campaign is { } c)
            console.WriteLine($"campaign {Path.GetFileName(c.Config)}: {c.Trials} trials, {F(c.TrialsPerSecond)} trials/s, {c.ImagesPerSecond:F0} images/s overall; trials alone {c.TrialImagesPerSecond:F0} images/s against {c.GoldenImagesPerSecond:F0} for the golden pass ({F(c.TrialImagesPerSecond / c.GoldenImagesPerSecond, "F3")}×)");
        console.WriteLine($"machine: {r.Machine}");
    }

    private static string Machine()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        return $"{cpu}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, libtorch {torch.__version__}";
    }

    private static string F(double v, string format = "F2") => v.ToString(format, CultureInfo.InvariantCulture);

    private sealed class NoSink : ICampaignSink
    {
        public void AddTrial(TrialRecord trial, IReadOnlyList<ObserverRecord> observers, IReadOnlyList<FaultRecord> faults) { }
        public void Complete(CampaignSummary summary) { }
    }

}
