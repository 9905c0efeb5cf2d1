using System.Globalization;
using Mrfi.Core.Benchmarks;
using Spectre.Console;
using static TorchSharp.torch;

namespace Mrfi.Tool.Commands;

/// <summary>What <c>bench --onnx</c> measured (also its JSON): the imported graph's rows, each paired with the graph's
/// own golden forward in the same rounds, and, when the file holds a built-in model's weights, that model's rows from
/// the same rounds, the difference of the two ratios row by row, and the two golden forwards in alternating pairs.</summary>
/// <param name="Onnx">The imported graph's rows.</param>
/// <param name="BuiltIn">The built-in model's rows, same batch, threads and rounds; null when the file holds no built-in model's
/// weights.</param>
/// <param name="OnnxGoldenMs">Median golden forward of the imported graph in the alternating pairs (null without a built-in model).</param>
/// <param name="BuiltInGoldenMs">Median golden forward of the built-in model in the same pairs.</param>
/// <param name="GoldenRatio">Median over pairs of imported / built-in golden time (target ≤ 1.10).</param>
/// <param name="MaxOutputDifference">Largest |imported − built-in| golden output: same weights give (nearly) the same numbers.</param>
internal sealed record BenchComparison(BenchResult Onnx, BenchResult? BuiltIn, double? OnnxGoldenMs, double? BuiltInGoldenMs,
    double? GoldenRatio, double? MaxOutputDifference)
{
    /// <summary>How the rows were timed, for readers of the JSON.</summary>
    public string Method => BuiltIn is null
        ? "paired: each row and the graph's own golden forward in the same rounds, which goes first alternating; ratio = median of " +
            "per-round row / golden"
        : "paired: each round runs the imported row, its golden forward, the built-in row and its golden forward (reversed every other " +
            "round); ratio = median of per-round row / golden of the same model";

    /// <summary>Why no built-in model was timed, or empty.</summary>
    public string NoBuiltIn { get; init; } = "";

    /// <summary>Golden pairs timed for <see cref="GoldenRatio"/>.</summary>
    public int GoldenPairs { get; init; }

    /// <summary>The rows side by side (empty without a built-in model).</summary>
    public IReadOnlyList<BenchComparisonRow> Rows => BuiltIn is null ? [] :
        [.. Onnx.Rows.Join(BuiltIn.Rows, r => r.Name, r => r.Name, Compare)];

    /// <summary>The two rows' ratios and their difference: round by round where both were timed in the same rounds.</summary>
    private static BenchComparisonRow Compare(BenchRow onnx, BenchRow builtIn)
    {
        double ofMedians = onnx.Ratio - builtIn.Ratio;
        if (onnx.RoundRatios is not { Count: > 0 } a || builtIn.RoundRatios is not { } b || a.Count != b.Count)
            return new(onnx.Name, onnx.Group, onnx.Ratio, builtIn.Ratio, ofMedians, double.NaN, double.NaN, ofMedians);
        var (difference, low, high) = Core.Statistics.MedianInterval.Of([.. a.Zip(b, (x, y) => x - y)]);
        return new(onnx.Name, onnx.Group, onnx.Ratio, builtIn.Ratio, difference, low, high, ofMedians);
    }

    /// <summary>The imported graph timed alone (the file holds no built-in model's weights: <paramref name="why"/>).</summary>
    public static BenchComparison Alone(BenchResult onnx, string why) => new(onnx, null, null, null, null, null) { NoBuiltIn = why };

    /// <summary>Times both golden forwards in 3 × <paramref name="iterations"/> alternating pairs (<paramref name="warmup"/>
    /// untimed first) and compares their outputs.</summary>
    public static BenchComparison Measure(nn.Module<Tensor, Tensor> onnx, nn.Module<Tensor, Tensor> builtIn, Tensor images, int iterations,
        int warmup, BenchResult onnxRows, BenchResult builtInRows)
    {
        using var noGrad = no_grad();
        double difference;
        using (NewDisposeScope())
            difference = (onnx.call(images) - builtIn.call(images)).abs().max().item<float>();
        var times = new PairedRounds()
            .Measure([new GoldenSubject(onnx, images), new GoldenSubject(builtIn, images)], 3 * iterations, warmup);
        return new BenchComparison(onnxRows, builtInRows, times.Median(0), times.Median(1), times.Ratio(0, 1), difference)
            { GoldenPairs = times.Rounds };
    }

    /// <summary>Prints the side-by-side table.</summary>
    public void Print(IAnsiConsole console)
    {
        if (BuiltIn is null) return;
        console.WriteLine();
        console.WriteLine($"imported {Onnx.Model} against the built-in {BuiltIn.Model} with the same weights (largest golden output " +
            $"difference {MaxOutputDifference:G3}), each row over its own model's golden forward in the same rounds:");
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("row").NoWrap())
            .AddColumns("imported ms", "built-in ms", "imported × golden", "built-in × golden", "difference", "95 % interval");
        table.AddRow("golden forward, alternating (imported / built-in)", F(OnnxGoldenMs ?? 0), F(BuiltInGoldenMs ?? 0),
            F(GoldenRatio ?? 0, "F3"), "1.000", "", "");
        var builtIn = BuiltIn.Rows.ToDictionary(r => r.Name);
        var compared = Rows.ToDictionary(r => r.Name);
        foreach (var row in Onnx.Rows)
        {
            if (!builtIn.TryGetValue(row.Name, out var other)) continue;
            var c = compared[row.Name];
            table.AddRow(row.Name, F(row.MedianMs), F(other.MedianMs), F(row.Ratio, "F3"), F(other.Ratio, "F3"),
                F(c.Difference, "+0.000;-0.000"), $"{F(c.DifferenceLow, "+0.000;-0.000")} … {F(c.DifferenceHigh, "+0.000;-0.000")}");
        }
        console.Write(table);
        console.WriteLine("difference: imported − built-in ratio, median over rounds of the two ratios' difference in the same round; " +
            "95 % interval: the sign test's (order statistics), which says how far the rounds pin the difference down");
        var worst = Rows.MaxBy(r => Math.Abs(r.Difference));
        console.WriteLine($"golden ratio imported / built-in: {F(GoldenRatio ?? 0, "F3")} (median of {GoldenPairs} alternating pairs; " +
            $"target ≤ 1.10)");
        if (worst is not null)
            console.WriteLine($"rows within 0.05 of the built-in's ratio: {Rows.Count(r => Math.Abs(r.Difference) <= 0.05)} of " +
                $"{Rows.Count} (largest difference {F(worst.Difference, "+0.000;-0.000")}, {worst.Name}); 95 % interval inside " +
                $"±0.05: {Rows.Count(r => r.DifferenceLow >= -0.05 && r.DifferenceHigh <= 0.05)}, entirely outside: " +
                $"{Rows.Count(r => r.DifferenceLow > 0.05 || r.DifferenceHigh < -0.05)}");
    }

    private static string F(double v, string format = "F2") => v.ToString(format, CultureInfo.InvariantCulture);
}
