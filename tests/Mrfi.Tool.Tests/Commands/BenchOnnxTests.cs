using System.Text.Json;

namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class BenchOnnxTests
{
    private static string LeNetOnnx => Path.Combine(Repo.Root, "examples", "onnx-model", "lenet_fmnist.onnx");

    [TestMethod]
    public void Bench_on_the_exported_LeNet_times_the_built_in_LeNet_with_the_same_weights_side_by_side()
    {
        string json = Path.Combine(Repo.TempFolder("bench-onnx"), "bench.json");
        var result = Cli.Run("bench", "--onnx", LeNetOnnx, "--batch", "32", "--iterations", "2", "--warmup", "0", "--threads", "1",
            "--no-campaign", "--no-memory", "--json", json);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "the file holds the weights of the built-in LeNet");
        StringAssert.Contains(result.Output, "imported lenet_fmnist.onnx against the built-in LeNet with the same weights");
        StringAssert.Contains(result.Output, "golden ratio imported / built-in");

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.AreEqual("lenet_fmnist.onnx", root.GetProperty("onnx").GetProperty("model").GetString());
        Assert.AreEqual("LeNet", root.GetProperty("built_in").GetProperty("model").GetString());
        // The same weights and input: the two golden outputs agree (both run libtorch's kernels on the same numbers).
        Assert.IsLessThan(1e-4, root.GetProperty("max_output_difference").GetDouble());
        Assert.IsGreaterThan(0.0, root.GetProperty("golden_ratio").GetDouble());
        var onnxRows = root.GetProperty("onnx").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString())
            .ToList();
        var builtInRows = root.GetProperty("built_in").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString())
            .ToList();
        CollectionAssert.AreEqual(builtInRows, onnxRows);
        Assert.HasCount(2 + 12 + 4 + 13, onnxRows);   // as BenchCommandTests: the FP8 and MXFP8 rows are the 4
        // One fault per forward in the single-fault rows: the Conv/Gemm nodes take the bench's Conv2d/Linear entries.
        var single = root.GetProperty("onnx").GetProperty("rows").EnumerateArray()
            .First(r => r.GetProperty("name").GetString() == "1 weight fault (float32 bit flip)");
        Assert.AreEqual(1.0, single.GetProperty("faults_per_forward").GetDouble());

        // Paired: every row of both models carries the golden forward of its own rounds, and the side-by-side rows are
        // the two ratios and their difference, one per row.
        StringAssert.Contains(root.GetProperty("method").GetString(), "paired");
        Assert.AreEqual(6, root.GetProperty("golden_pairs").GetInt32(), "3 × 2 rounds of alternating golden pairs");
        foreach (var side in new[] { "onnx", "built_in" })
            foreach (var row in root.GetProperty(side).GetProperty("rows").EnumerateArray())
                Assert.IsGreaterThan(0.0, row.GetProperty("paired_golden_ms").GetDouble(),
                    $"{side}: {row.GetProperty("name").GetString()}");
        var sideBySide = root.GetProperty("rows").EnumerateArray().ToList();
        CollectionAssert.AreEqual(onnxRows, sideBySide.Select(r => r.GetProperty("name").GetString()).ToList());
        var ratios = root.GetProperty("onnx").GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("ratio").GetDouble());
        var builtInRatios = root.GetProperty("built_in").GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("ratio").GetDouble());
        var rounds = new Dictionary<string, double[]>[2];
        foreach (var (side, k) in new[] { ("onnx", 0), ("built_in", 1) })
            rounds[k] = root.GetProperty(side).GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!,
                r => r.GetProperty("round_ratios").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        foreach (var row in sideBySide)
        {
            string name = row.GetProperty("name").GetString()!;
            Assert.AreEqual(ratios[name], row.GetProperty("onnx_ratio").GetDouble(), 1e-12, name);
            Assert.AreEqual(builtInRatios[name], row.GetProperty("built_in_ratio").GetDouble(), 1e-12, name);
            Assert.AreEqual(ratios[name] - builtInRatios[name], row.GetProperty("difference_of_medians").GetDouble(), 1e-12, name);
            // Each ratio is the median of its two rounds; the difference the median of the two rounds' differences, and with
            // two rounds its interval is their range.
            Assert.HasCount(2, rounds[0][name], name);
            Assert.AreEqual(rounds[0][name].Average(), ratios[name], 1e-12, name);
            double[] differences = [.. rounds[0][name].Zip(rounds[1][name], (a, b) => a - b).Order()];
            Assert.AreEqual(differences.Average(), row.GetProperty("difference").GetDouble(), 1e-12, name);
            Assert.AreEqual(differences[0], row.GetProperty("difference_low").GetDouble(), 1e-12, name);
            Assert.AreEqual(differences[1], row.GetProperty("difference_high").GetDouble(), 1e-12, name);
        }
        StringAssert.Contains(result.Output, "rows within 0.05 of the built-in's ratio:");
    }

    [TestMethod]
    public void Bench_on_a_graph_with_two_inputs_feeds_them_from_a_written_file_and_times_it_alone()
    {
        string folder = Repo.TempFolder("bench-two-inputs");
        string onnx = TwoInputOnnx.Write(folder);
        string json = Path.Combine(folder, "bench.json");
        var result = Cli.Run("bench", "--onnx", onnx, "--batch", "4", "--iterations", "2", "--warmup", "0", "--threads", "1",
            "--no-campaign", "--no-memory", "--json", json);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "no built-in model to compare with (the graph takes several inputs");
        StringAssert.Contains(result.Output, "its 2 inputs (x [4] Float32, ids [3] Int64)");
        Assert.DoesNotContain("golden ratio imported / built-in", result.Output);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("built_in").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("golden_ratio").ValueKind);
        StringAssert.Contains(root.GetProperty("no_built_in").GetString(), "several inputs");
        Assert.AreEqual(0, root.GetProperty("rows").GetArrayLength());
        // The packed batch: 4 samples of 4 floats and 3 token ids.
        CollectionAssert.AreEqual(new long[] { 4, 7 },
            root.GetProperty("onnx").GetProperty("input_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        var rows = root.GetProperty("onnx").GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r);
        // Every row, TopKChange included (the head's output is [N, 5]).
        Assert.HasCount(2 + 12 + 4 + 13, rows);
        foreach (var (name, row) in rows)
            Assert.IsGreaterThan(0.0, row.GetProperty("ratio").GetDouble(), name);
        Assert.AreEqual(1.0, rows["1 weight fault (float32 bit flip)"].GetProperty("faults_per_forward").GetDouble());
        Assert.AreEqual(1.0, rows["1 activation fault (float32 bit flip)"].GetProperty("faults_per_forward").GetDouble());
    }

    [TestMethod]
    public void Bench_data_with_misnamed_tensors_names_the_option_and_the_graphs_inputs()
    {
        string folder = Repo.TempFolder("bench-two-inputs-data");
        string onnx = TwoInputOnnx.Write(folder);
        string data = Path.Combine(folder, "inputs.safetensors");
        using (var x = TorchSharp.torch.rand(3, 4))
        using (var ids = TorchSharp.torch.zeros(3, 3, TorchSharp.torch.ScalarType.Int64))
            TorchSharp.PyBridge.Safetensors.SaveStateDict(data,
                new Dictionary<string, TorchSharp.torch.Tensor> { ["x"] = x, ["tokens"] = ids });
        var result = Cli.Run("bench", "--onnx", onnx, "--data", data, "--no-campaign");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, $"error: --data {data}:");
        StringAssert.Contains(result.Output, "has no input tensor 'ids'");
        Assert.DoesNotContain("bench.toml", result.Output, "the generated config is not the user's to fix");
    }

    [TestMethod]
    public void Bench_data_is_refused_for_a_graph_with_one_input()
    {
        var result = Cli.Run("bench", "--onnx", LeNetOnnx, "--data", LeNetOnnx, "--no-campaign");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "--data applies to a graph with several inputs; lenet_fmnist.onnx takes one");
    }

    [TestMethod]
    public void Bench_refuses_model_and_onnx_together()
    {
        var result = Cli.Run("bench", "--model", "lenet", "--onnx", LeNetOnnx, "--no-campaign");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "give --model or --onnx, not both");
    }

    [TestMethod]
    public void Bench_says_which_onnx_file_is_missing()
    {
        var result = Cli.Run("bench", "--onnx", "no-such-model.onnx", "--no-campaign");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "--onnx 'no-such-model.onnx' does not exist");
    }
}
