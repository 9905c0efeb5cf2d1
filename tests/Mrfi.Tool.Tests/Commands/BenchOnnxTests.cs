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
        var onnxRows = root.GetProperty("onnx").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        var builtInRows = root.GetProperty("built_in").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        CollectionAssert.AreEqual(builtInRows, onnxRows);
        Assert.HasCount(2 + 12 + 4 + 13, onnxRows);   // as BenchCommandTests: the FP8 and MXFP8 rows are the 4
        // One fault per forward in the single-fault rows: the Conv/Gemm nodes take the bench's Conv2d/Linear entries.
        var single = root.GetProperty("onnx").GetProperty("rows").EnumerateArray().First(r => r.GetProperty("name").GetString() == "1 weight fault (float32 bit flip)");
        Assert.AreEqual(1.0, single.GetProperty("faults_per_forward").GetDouble());
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
