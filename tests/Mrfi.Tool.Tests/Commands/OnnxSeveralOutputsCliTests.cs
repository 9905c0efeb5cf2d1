using Google.Protobuf;
using Onnx;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>The bundled LeNet as ONNX with conv1's ReLU as a second graph output: `run` scores both outputs and writes one
/// RMSE per output, `report` draws them, and output = "classes" is one error at its key with exit code 2.</summary>
[TestClass]
public sealed class OnnxSeveralOutputsCliTests
{
    /// <summary>lenet_fmnist.onnx with the first Relu's output ([N, 6, 28, 28]) added after the logits.</summary>
    internal static string TwoOutputs()
    {
        var model = ModelProto.Parser.ParseFrom(
            File.ReadAllBytes(Path.Combine(Repo.Root, "examples", "onnx-model", "lenet_fmnist.onnx")));
        string relu = model.Graph.Node.First(n => n.OpType == "Relu").Output[0];
        model.Graph.Output.Add(new ValueInfoProto
        {
            Name = relu,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } },
        });
        string path = Path.Combine(Repo.TempFolder("onnx-two"), "two.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    internal static string Config(string onnx, string output = "") => Cli.Config(Cli.Small.Replace(
        "architecture = \"LeNet\"\nweights = \"{assets}/lenet_fmnist.safetensors\"", $"onnx = \"{onnx}\"{output}",
        StringComparison.Ordinal));

    [TestMethod]
    public void Both_outputs_are_scored_with_an_rmse_each_and_the_report_draws_them()
    {
        string config = Config(TwoOutputs());
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "results");
        var run = Cli.Run("run", config, "--out", folder);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        var rows = DuckDb.Query(
            $"SELECT output, len(output_rmse), rmse FROM read_parquet('{Path.Combine(folder, "trials.parquet")}') ORDER BY trial");
        Assert.IsTrue(
            rows.All(r => (string)r[0]! == "tensor" && Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture) == 2),
            "two outputs: a tensor comparison with two RMSEs per trial");
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "manifest.json")).ReplaceLineEndings(""), "\"outputs\": [");
        var report = Cli.Run("report", folder);
        Assert.AreEqual(0, report.ExitCode, report.Output);
        Assert.IsTrue(File.Exists(Path.Combine(folder, "report", "rmse-vs-ber.png")), report.Output);
        StringAssert.Contains(report.Output, "compared as a tensor");
    }

    [TestMethod]
    public void Output_classes_with_two_outputs_is_one_message_at_the_key_and_exit_code_2()
    {
        var result = Cli.Run("validate", Config(TwoOutputs(), "\noutput = \"classes\""));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "mrfi.toml(3,1): error: [model] output = \"classes\" needs one [N, classes] output");
        Assert.DoesNotContain("   at ", result.Output);
    }
}
