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
                var target = BenchTarget.Of(settings);
                using var twin = target.OnnxPath is { } onnx ? OnnxTwin(onnx) : null;
                bool lenet = target.RealImages || twin?.Architecture == "LeNet";
                int batch = settings.Batch ?? (lenet ? 256 : 16);
                int iterations = settings.Iterations ?? (lenet ? 30 : 5);
                torch.set_num_threads(settings.Threads ?? Environment.ProcessorCount);
                temp = Path.Combine(Path.GetTempPath(), $"mrfi-bench-{Environment.ProcessId}.toml");

                // First the bare model: its layer shapes decide the single-fault layer and the 10^6-fault rate.
                File.WriteAllText(temp, target.Sections + $"\n[run]\nbatch_size = {batch}\n");
                using var images = Probe(target, lenet, batch, out var shapes);
                var layers = shapes.Where(s => IsLayer(s) && s.Input is not null).ToList();
                if (layers.Count == 0) throw new MrfiException($"error: {target.Name} has no Conv2d or Linear layer (a 2-D Conv, or a Gemm or MatMul with a constant weight) to inject into");
                var convs = layers.Where(s => s.Type is "Conv2d" or "Conv").ToList();
                string single = convs.Count > 0 ? convs[convs.Count / 2].Name : layers[0].Name;
                double population = layers.Sum(s => (double)s.Input!.Aggregate(1L, (a, b) => a * b));
                var rows = BenchScenarios.For(single, population >= 1e6 ? 1e6 / population : null);

                var result = Measure(target, rows, images, iterations, settings, single, out var model);
                using (model)
                {
                    var campaign = settings.NoCampaign || !File.Exists(settings.Config) ? null : Campaign(settings);
                    result = result with { Campaign = campaign };
                    Print(result, rows.Any(r => r.Group == "faults"));
                    BenchComparison? comparison = null;
                    if (twin is not null)
                    {
                        var builtIn = Measure(target.WithModel(twin.Architecture, twin.ModelSection, lenet), rows, images, iterations, settings, single, out var twinModel, twin);
                        using (twinModel)
                        {
                            comparison = BenchComparison.Measure(model, twinModel, images, iterations, settings.Warmup, result, builtIn);
                            comparison.Print(console);
                        }
                    }
                    if (settings.Json is { } json)
                    {
                        object written = comparison is null ? result : comparison;
                        File.WriteAllText(json, JsonSerializer.Serialize(written, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                        console.WriteLine($"wrote {json}");
                    }
                }
                return 0;
            });
        }
        finally
        {
            if (temp is not null) File.Delete(temp);
        }

        // The bare model's forward on one batch; an imported graph that cannot take a float image batch is a user error.
        Tensor Probe(BenchTarget target, bool lenet, int batch, out IReadOnlyList<LayerShapes> shapes)
        {
            var probe = ToolCatalog.Load(temp!);
            try
            {
                return Images(probe, lenet, batch, out shapes);
            }
            catch (Exception e) when (target.OnnxPath is not null && e is not MrfiException)
            {
                throw new MrfiException($"error: --onnx {target.Name}: bench feeds the graph one batch of random float32 images of its input shape [{string.Join(",", probe.InputShape)}], and the graph failed on it: {e.Message.Split('\n')[0]} (bench times models with one float image input)");
            }
        }

        // The rows' config for one target: its model, every fault row as a sweep point, every observer.
        BenchResult Measure(BenchTarget target, IReadOnlyList<BenchScenario> rows, Tensor images, int iterations, BenchSettings settings, string single, out nn.Module<Tensor, Tensor> model, BenchTwin? weights = null)
        {
            File.WriteAllText(temp!, BenchScenarios.Config(target.Sections, (int)images.shape[0], rows));
            var plan = ToolCatalog.Load(temp!);
            model = plan.Model;
            if (weights is not null && !weights.CopyInto(model, out var mismatch))
                throw new MrfiException($"error: --onnx: {mismatch}");
            console.WriteLine($"{target.Name}, batch [{string.Join(",", images.shape)}], {torch.get_num_threads()} threads, {iterations} timed rounds after {settings.Warmup} warm-up; single faults in '{single}'");
            var (goldenMs, measured) = InjectionBenchmark.Run(plan, rows, images, iterations, settings.Warmup,
                (done, total) => { if (done % Math.Max(1, total / 5) == 0 || done == total) console.WriteLine($"  round {done}/{total}"); });
            var memory = settings.NoMemory ? null : InjectionBenchmark.PeakMemory(plan, rows, images);
            return new BenchResult(target.Name, images.shape, torch.get_num_threads(), iterations, goldenMs, measured) { Memory = memory, Machine = Machine() };
        }
    }

    // The layers the bench's entries match (module_type = ["Conv2d", "Linear"]): on an imported graph, 2-D Conv nodes
    // and Gemm/MatMul nodes that hold a weight.
    private static bool IsLayer(LayerShapes s) =>
        s.Type is "Conv2d" or "Linear"
        || (s.Type == "Conv" && s.Parameters.Any(p => p.Name == "weight" && p.Shape.Length == 4))
        || (s.Type is "Gemm" or "MatMul" && s.Parameters.Any(p => p.Name == "weight"));

    private BenchTwin? OnnxTwin(string path)
    {
        var twin = BenchTwin.Find(path, out var why);
        console.WriteLine(twin is null
            ? $"no built-in model to compare with: {why}"
            : $"the file holds the weights of the built-in {twin.Architecture}: it is timed too, with the same weights and input");
        return twin;
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
        var summary = new CampaignRunner(Serilog.Core.Logger.None).Run(plan, data, new NoSink(), new SilentProgress());
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
