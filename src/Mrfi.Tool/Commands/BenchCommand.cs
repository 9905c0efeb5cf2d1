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
    private static readonly JsonSerializerOptions JsonOptions = new()
        { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        string scratch = Path.Combine(Path.GetTempPath(), $"mrfi-bench-{Environment.ProcessId}");
        string temp = Path.Combine(scratch, "bench.toml");
        try
        {
            return UserErrors.Guard(console, () =>
            {
                Directory.CreateDirectory(scratch);
                var target = BenchTarget.Of(settings, scratch);
                BenchTwin? found = null;
                string noTwin = "";
                if (target.OnnxPath is { } onnx)
                {
                    if (target.RealImages) noTwin = "the graph takes several inputs, which no built-in model does";
                    else found = BenchTwin.Find(onnx, out noTwin);
                }
                using var twin = found;
                bool lenet = (target.OnnxPath is null && target.Name == "LeNet") || twin?.Architecture == "LeNet";
                int batch = settings.Batch ?? (lenet ? 256 : 16);
                int iterations = settings.Iterations ?? (lenet ? 30 : 5);
                torch.set_num_threads(settings.Threads ?? Environment.ProcessorCount);

                // First the bare model: its layer shapes decide the single-fault layer and the 10^6-fault rate.
                File.WriteAllText(temp, target.Sections + $"\n[run]\nbatch_size = {batch}\n");
                using var images = Probe(target, lenet || target.RealImages, batch, out var shapes);
                var layers = shapes.Where(s => IsLayer(s) && s.Input is not null).ToList();
                if (layers.Count == 0)
                    throw new MrfiException($"{target.Name} has no Conv2d or Linear layer (a 2-D Conv, or a Gemm or MatMul with a " +
                        $"constant weight) to inject into");
                var convs = layers.Where(s => s.Type is "Conv2d" or "Conv").ToList();
                string single = convs.Count > 0 ? convs[convs.Count / 2].Name : layers[0].Name;
                double population = layers.Sum(s => (double)s.Input!.Aggregate(1L, (a, b) => a * b));
                var rows = BenchScenarios.WithTopK(BenchScenarios.For(single, population >= 1e6 ? 1e6 / population : null),
                    [.. layers.Where(s => s.Type is "Linear" or "Gemm" or "MatMul").Select(s => (s.Name, s.Output is { Length: 2 }))]);
                if (!rows.Any(r => r.Observer == "TopKChange"))
                    console.WriteLine($"observer TopKChange: skipped, no Linear layer of {target.Name} gives [N, classes] outputs");
                if (target.OnnxPath is not null)
                {
                    var campaign = settings.NoCampaign || !File.Exists(settings.Config) ? null : Campaign(settings);
                    var comparison = new BenchOnnx(console, settings, temp)
                        .Measure(new(target, twin, noTwin, rows, images, iterations, single, lenet) { Campaign = campaign });
                    Write(settings.Json, comparison);
                    return 0;
                }

                var result = Measure(target, rows, images, iterations, settings, single, out var model);
                using (model)
                {
                    var campaign = settings.NoCampaign || !File.Exists(settings.Config) ? null : Campaign(settings);
                    result = result with { Campaign = campaign };
                    Print(console, result, rows.Any(r => r.Group == "faults"));
                    Write(settings.Json, result);
                }
                return 0;
            });
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }

        // The bare model's forward on one batch; an imported graph that cannot take its inputs is a user error.
        Tensor Probe(BenchTarget target, bool real, int batch, out IReadOnlyList<LayerShapes> shapes)
        {
            CampaignPlan? probe = null;
            try
            {
                probe = ToolCatalog.Load(temp);
                return Images(probe, real, batch, out shapes);
            }
            catch (MrfiException e) when (settings.Data is not null && e.Message.Contains(DataFile, StringComparison.Ordinal))
            {
                // The config is bench's own: name the option, not a line of a temporary file.
                string problem = e.Message[(e.Message.IndexOf(DataFile, StringComparison.Ordinal) + DataFile.Length)..];
                throw new MrfiException($"--data {settings.Data}: {problem.Replace(
                    "in the model's input order with [data] inputs = [...]", "as the graph's inputs", StringComparison.Ordinal)}");
            }
            catch (Exception e) when (target.OnnxPath is not null && probe is not null && e is not MrfiException)
            {
                throw new MrfiException($"--onnx {target.Name}: bench feeds the graph {target.Feeds} " +
                    $"[{string.Join(",", probe.InputShape)}], and the graph failed on it: {e.Message.Split('\n')[0]}");
            }
        }

        // The rows' config for one target: its model, every fault row as a sweep point, every observer.
        BenchResult Measure(BenchTarget target, IReadOnlyList<BenchScenario> rows, Tensor images, int iterations, BenchSettings settings,
            string single, out nn.Module<Tensor, Tensor> model)
        {
            File.WriteAllText(temp, BenchScenarios.Config(target.Sections, (int)images.shape[0], rows));
            var plan = ToolCatalog.Load(temp);
            model = plan.Model;
            console.WriteLine($"{target.Name}, batch [{string.Join(",", images.shape)}], {torch.get_num_threads()} threads, {iterations} " +
                $"timed rounds after {settings.Warmup} warm-up; single faults in '{single}'");
            var (goldenMs, measured) = InjectionBenchmark.Run(plan, rows, images, iterations, settings.Warmup,
                (done, total) =>
                {
                    if (done % Math.Max(1, total / 5) == 0 || done == total) console.WriteLine($"  round {done}/{total}");
                });
            var memory = settings.NoMemory ? null : InjectionBenchmark.PeakMemory(plan, rows, images);
            return new BenchResult(target.Name, images.shape, torch.get_num_threads(), iterations, goldenMs, measured)
                { Memory = memory, Machine = Machine() };
        }
    }

    private const string DataFile = "[data] file: ";

    private void Write(string? json, object written)
    {
        if (json is null) return;
        File.WriteAllText(json, JsonSerializer.Serialize(written, JsonOptions));
        console.WriteLine($"wrote {json}");
    }

    // The layers the bench's entries match (module_type = ["Conv2d", "Linear"]): on an imported graph, 2-D Conv nodes
    // and Gemm/MatMul nodes that hold a weight.
    private static bool IsLayer(LayerShapes s) =>
        s.Type is "Conv2d" or "Linear"
        || (s.Type == "Conv" && s.Parameters.Any(p => p.Name == "weight" && p.Shape.Length == 4))
        || (s.Type is "Gemm" or "MatMul" && s.Parameters.Any(p => p.Name == "weight"));

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
            // Images [N, C, H, W], or a packed batch [N, Σ k_i] of a graph with several inputs.
            using var tiled = all.repeat([repeats, .. Enumerable.Repeat(1L, (int)all.dim() - 1)]);
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

    /// <summary>Peak RSS over three golden forwards, then over three forwards with 8-bit BER 1e-4 faults in weights and
    /// activations.</summary>

    private CampaignThroughput Campaign(BenchSettings settings)
    {
        console.WriteLine($"campaign: running {settings.Config} without writing results");
        var plan = ToolCatalog.Load(settings.Config, settings.Options);
        using var model = plan.Model;
        using var data = CampaignRunner.LoadData(plan);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = new CampaignRunner(Serilog.Core.Logger.None).Run(plan, data, new NoSink(), new SilentProgress());
        double seconds = clock.Elapsed.TotalSeconds;
        return new CampaignThroughput(Path.GetFullPath(settings.Config), summary.Trials, summary.Trials * (long)data.Count, seconds,
            data.Count / summary.GoldenSecondsPerPass, data.Count / summary.SecondsPerTrial);
    }

    /// <summary>The rows of one model, each against its golden forward.</summary>
    internal static void Print(IAnsiConsole console, BenchResult r, bool million)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("row").NoWrap())
            .AddColumns("ms / batch", "× golden", "× quantized golden", "faults / forward");
        table.AddRow("golden forward (no hooks)", F(r.GoldenMs), "1.00", "", "0");
        foreach (var row in r.Rows)
            table.AddRow(row.Name, F(row.MedianMs), F(row.Ratio, "F3"), row.RatioToQuantizedGolden is { } q ? F(q, "F3") : "",
                row.FaultsPerForward.ToString("G4", CultureInfo.InvariantCulture));
        console.Write(table);
        if (!million)
            console.WriteLine("10^6 faults per forward: skipped, this model's activations hold fewer than 10^6 values at this batch size");
        if (r.Memory is { } m)
            console.WriteLine($"peak RSS: golden {m.GoldenBytes / 1048576.0:F0} MiB, injected {m.InjectedBytes / 1048576.0:F0} MiB " +
                $"({F(m.Ratio, "F3")}×)");
        if (r.Campaign is { } c)
            console.WriteLine($"campaign {Path.GetFileName(c.Config)}: {c.Trials} trials, {F(c.TrialsPerSecond)} trials/s, " +
                $"{c.ImagesPerSecond:F0} images/s overall; trials alone {c.TrialImagesPerSecond:F0} images/s against " +
                $"{c.GoldenImagesPerSecond:F0} for the golden pass ({F(c.TrialImagesPerSecond / c.GoldenImagesPerSecond, "F3")}×)");
        console.WriteLine($"machine: {r.Machine}");
    }

    /// <summary>Processor, cores, OS, .NET and libtorch, for the record.</summary>
    internal static string Machine()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1]
                .Trim() ?? "?"
            : "?";
        return $"{cpu}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET " +
            $"{Environment.Version}, libtorch {torch.__version__}";
    }

    private static string F(double v, string format = "F2") => v.ToString(format, CultureInfo.InvariantCulture);

    private sealed class NoSink : ICampaignSink
    {
        public void AddTrial(TrialRecord trial, IReadOnlyList<ObserverRecord> observers, IReadOnlyList<FaultRecord> faults) { }
        public void Complete(CampaignSummary summary) { }
    }

}
