using System.Globalization;
using Mrfi.Core.Benchmarks;
using Spectre.Console;
using static TorchSharp.torch;

namespace Mrfi.Tool.Commands;

/// <summary><c>bench --onnx</c> on a file that holds a built-in model's weights: the imported graph next to the built-in
/// model, golden forwards timed alternately in one loop, and every row's ratio to its own golden forward side by side.</summary>
/// <param name="Onnx">The imported graph's rows.</param>
/// <param name="BuiltIn">The built-in model's rows, same batch, threads and rounds.</param>
/// <param name="OnnxGoldenMs">Median golden forward of the imported graph in the alternating loop.</param>
/// <param name="BuiltInGoldenMs">Median golden forward of the built-in model in the same loop.</param>
/// <param name="GoldenRatio">Median over rounds of imported / built-in golden time (target ≤ 1.10).</param>
/// <param name="MaxOutputDifference">Largest |imported − built-in| golden output: same weights give (nearly) the same numbers.</param>
internal sealed record BenchComparison(BenchResult Onnx, BenchResult BuiltIn, double OnnxGoldenMs, double BuiltInGoldenMs, double GoldenRatio, double MaxOutputDifference)
{
    /// <summary>Times both golden forwards alternately (<paramref name="warmup"/> untimed rounds first) and compares their outputs.</summary>
    public static BenchComparison Measure(nn.Module<Tensor, Tensor> onnx, nn.Module<Tensor, Tensor> builtIn, Tensor images, int iterations, int warmup, BenchResult onnxRows, BenchResult builtInRows)
    {
        using var noGrad = no_grad();
        double difference;
        using (NewDisposeScope())
            difference = (onnx.call(images) - builtIn.call(images)).abs().max().item<float>();
        var a = new List<double>();
        var b = new List<double>();
        for (int round = -warmup; round < 3 * iterations; round++)
        {
            // Alternate which goes first, so that neither always runs on a warmer cache.
            bool onnxFirst = round % 2 == 0;
            double first = InjectionBenchmark.Time(() => (onnxFirst ? onnx : builtIn).call(images));
            double second = InjectionBenchmark.Time(() => (onnxFirst ? builtIn : onnx).call(images));
            if (round < 0) continue;
            a.Add(onnxFirst ? first : second);
            b.Add(onnxFirst ? second : first);
        }
        double ratio = InjectionBenchmark.Median(a.Zip(b, (x, y) => x / y));
        return new BenchComparison(onnxRows, builtInRows, InjectionBenchmark.Median(a), InjectionBenchmark.Median(b), ratio, difference);
    }

    /// <summary>Prints the side-by-side table.</summary>
    public void Print(IAnsiConsole console)
    {
        console.WriteLine();
        console.WriteLine($"imported {Onnx.Model} against the built-in {BuiltIn.Model} with the same weights (largest golden output difference {MaxOutputDifference:G3}):");
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("row").NoWrap())
            .AddColumns("imported ms", "built-in ms", "imported × golden", "built-in × golden", "difference");
        table.AddRow("golden forward, alternating (imported / built-in)", F(OnnxGoldenMs), F(BuiltInGoldenMs), F(GoldenRatio, "F3"), "1.000", "");
        var builtIn = BuiltIn.Rows.ToDictionary(r => r.Name);
        foreach (var row in Onnx.Rows)
        {
            if (!builtIn.TryGetValue(row.Name, out var other)) continue;
            table.AddRow(row.Name, F(row.MedianMs), F(other.MedianMs), F(row.Ratio, "F3"), F(other.Ratio, "F3"), F(row.Ratio - other.Ratio, "+0.000;-0.000"));
        }
        console.Write(table);
        console.WriteLine($"golden ratio imported / built-in: {F(GoldenRatio, "F3")} (median of {Onnx.Iterations * 3} alternating pairs; target ≤ 1.10)");
    }

    private static string F(double v, string format = "F2") => v.ToString(format, CultureInfo.InvariantCulture);
}
