using System.Diagnostics;
using System.Text.Json;

namespace Mrfi.Tool.Tests.Scripts;

/// <summary>scripts/bench-onnx-table.py renders the JSON of <c>bench --onnx</c> as the tables of docs/performance.md.</summary>
[TestClass]
public sealed class BenchOnnxTableScriptTests
{
    private const string Python = "/usr/bin/python3";

    private static (int ExitCode, string Output) Render(string json, params string[] extra)
    {
        if (!File.Exists(Python)) Assert.Inconclusive($"{Python} does not exist");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "scripts", "bench-onnx-table.py"));
        start.ArgumentList.Add(json);
        foreach (var e in extra) start.ArgumentList.Add(e);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static object Side(string model, params (string Name, double Ratio)[] rows) => new
    {
        model, input_shape = new[] { 8, 3, 224, 224 }, threads = 2, iterations = 5, golden_ms = 180.0, machine = "test box",
        rows = rows.Select(r => new { name = r.Name, group = "single", median_ms = 180 * r.Ratio, ratio = r.Ratio }),
    };

    [TestMethod]
    public void A_comparison_becomes_the_golden_line_and_the_row_table_with_signed_differences()
    {
        string json = Path.Combine(Repo.TempFolder("bench-table"), "bench.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            onnx = Side("resnet18_unfolded.onnx", ("1 weight fault", 1.07), ("observer MinMax", 1.20)),
            built_in = Side("ResNet18", ("1 weight fault", 1.03), ("observer MinMax", 1.30)),
            onnx_golden_ms = 176.4, built_in_golden_ms = 182.1, golden_ratio = 0.9991, max_output_difference = 0.0, golden_pairs = 15,
            rows = new[]
            {
                new { name = "1 weight fault", onnx_ratio = 1.07, built_in_ratio = 1.03, difference = 0.04 },
                new { name = "observer MinMax", onnx_ratio = 1.20, built_in_ratio = 1.30, difference = -0.10 },
            },
        }));
        var (code, output) = Render(json);
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "Golden forward imported / built-in ResNet18: **0.999** (median of 15 alternating pairs; imported " +
            "176.40 ms, built-in 182.10 ms");
        StringAssert.Contains(output, "| row | imported × golden | built-in × golden | difference |");
        StringAssert.Contains(output, "| 1 weight fault | 1.07 | 1.03 | +0.04 |");
        StringAssert.Contains(output, "| observer MinMax | 1.20 | 1.30 | -0.10 |");
        StringAssert.Contains(output, "Rows within 0.05 of the built-in's ratio: 1 of 2 (largest difference -0.100, observer MinMax).");
    }

    [TestMethod]
    public void Per_round_differences_add_their_interval_and_how_many_lie_inside_or_outside_the_target()
    {
        string json = Path.Combine(Repo.TempFolder("bench-table"), "interval.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            onnx = Side("resnet18_unfolded.onnx", ("a", 1.07), ("b", 1.20), ("c", 1.40)),
            built_in = Side("ResNet18", ("a", 1.03), ("b", 1.30), ("c", 1.30)),
            onnx_golden_ms = 176.4, built_in_golden_ms = 182.1, golden_ratio = 0.9991, max_output_difference = 0.0, golden_pairs = 15,
            rows = new[]
            {
                new { name = "a", onnx_ratio = 1.07, built_in_ratio = 1.03, difference = 0.01, difference_low = -0.02, difference_high = 0.03 },
                new { name = "b", onnx_ratio = 1.20, built_in_ratio = 1.30, difference = -0.04, difference_low = -0.09, difference_high = 0.01 },
                new { name = "c", onnx_ratio = 1.40, built_in_ratio = 1.30, difference = 0.09, difference_low = 0.06, difference_high = 0.12 },
            },
        }));
        var (code, output) = Render(json);
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "| row | imported × golden | built-in × golden | difference | 95 % interval |");
        StringAssert.Contains(output, "| a | 1.07 | 1.03 | +0.01 | -0.02 … +0.03 |");
        StringAssert.Contains(output, "| c | 1.40 | 1.30 | +0.09 | +0.06 … +0.12 |");
        StringAssert.Contains(output, "Rows within 0.05 of the built-in's ratio: 2 of 3 (largest difference +0.090, c); 95 % interval " +
            "inside ±0.05: 1, entirely outside: 1.");
    }

    [TestMethod]
    public void A_graph_timed_alone_becomes_its_own_rows_and_the_reason()
    {
        string json = Path.Combine(Repo.TempFolder("bench-table"), "alone.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            onnx = Side("bert_encoder.onnx", ("observer Std", 1.2345)), built_in = (object?)null, golden_ratio = (double?)null,
            rows = Array.Empty<object>(), no_built_in = "the graph takes several inputs, which no built-in model does",
        }));
        var (code, output) = Render(json, "--digits", "3");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "No built-in model: the graph takes several inputs");
        StringAssert.Contains(output, "| observer Std | 222.21 | 1.234 |");
    }

    [TestMethod]
    public void A_file_that_is_not_bench_onnx_json_is_one_error_and_exit_code_2()
    {
        string json = Path.Combine(Repo.TempFolder("bench-table"), "other.json");
        File.WriteAllText(json, "{\"model\": \"LeNet\"}");
        var (code, output) = Render(json);
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, "is not the JSON of `dotnet mrfi bench --onnx`");
        Assert.DoesNotContain("Traceback", output);
    }
}
