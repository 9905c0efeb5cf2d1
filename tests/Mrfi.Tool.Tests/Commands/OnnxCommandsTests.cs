namespace Mrfi.Tool.Tests.Commands;

/// <summary>The commands on an imported ONNX model (examples/onnx-model/lenet_fmnist.onnx) work as on a built-in one.</summary>
[TestClass]
public sealed class OnnxCommandsTests
{
    private static string OnnxFile => Path.Combine(Repo.Root, "examples", "onnx-model", "lenet_fmnist.onnx");

    private static string OnnxConfig(string onnx) => Cli.Config(Cli.Small.Replace(
        "architecture = \"LeNet\"\nweights = \"{assets}/lenet_fmnist.safetensors\"", $"onnx = \"{onnx}\"", StringComparison.Ordinal));

    [TestMethod]
    public void Inspect_of_an_onnx_file_lists_its_nodes_with_op_types_and_shapes()
    {
        var result = Cli.Run("inspect", "--model", OnnxFile);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "lenet_fmnist.onnx (ONNX, 12 nodes)");
        StringAssert.Contains(result.Output, "weight [6,1,5,5]");
        StringAssert.Contains(result.Output, "[1,6,28,28]");
        StringAssert.Contains(result.Output, "MaxPool_1");
    }

    [TestMethod]
    public void Validate_on_an_onnx_model_matches_the_built_in_layer_names_and_types()
    {
        string config = OnnxConfig(OnnxFile);
        Assert.AreNotEqual(File.ReadAllText(Cli.Config(Cli.Small)), File.ReadAllText(config));
        var result = Cli.Run("validate", config);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "model lenet_fmnist.onnx");
        StringAssert.Contains(result.Output, "conv1, conv2, fc1, fc2, fc3");
    }

    [TestMethod]
    public void Expand_writes_op_types_and_a_relative_onnx_path_and_the_detail_tree_validates()
    {
        string detail = Path.Combine(Repo.TempFolder("onnx-expand"), "detail.toml");
        var expand = Cli.Run("expand", OnnxConfig(OnnxFile), "--out", detail);
        Assert.AreEqual(0, expand.ExitCode, expand.Output);
        string text = File.ReadAllText(detail);
        StringAssert.Contains(text, "type = \"Conv\"");
        Assert.DoesNotContain($"onnx = \"{OnnxFile}\"", text, "the path is written relative to the detail file");
        var validate = Cli.Run("validate", detail);
        Assert.AreEqual(0, validate.ExitCode, validate.Output);
    }

    [TestMethod]
    public void A_corrupt_onnx_file_is_one_message_at_the_onnx_key_and_exit_code_2()
    {
        string bad = Path.Combine(Repo.TempFolder("onnx"), "bad.onnx");
        File.WriteAllBytes(bad, File.ReadAllBytes(OnnxFile)[..4000]);
        var result = Cli.Run("validate", OnnxConfig(bad));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "mrfi.toml(2,1): error: [model] onnx:");
        Assert.DoesNotContain("   at ", result.Output);
    }

    [TestMethod]
    public void An_unknown_architecture_names_the_onnx_and_plugin_routes()
    {
        var result = Cli.Run("validate",
            Cli.Config(Cli.Small.Replace("architecture = \"LeNet\"", "architecture = \"MLP\"", StringComparison.Ordinal)));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "unknown model architecture 'MLP'");
        StringAssert.Contains(result.Output, "[model] onnx = \"model.onnx\"");
        StringAssert.Contains(result.Output, "plugin");
    }

    [TestMethod]
    public void List_models_shows_the_onnx_operators_with_their_opsets()
    {
        var result = Cli.Run("list", "models");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "ONNX operators");
        StringAssert.Matches(result.Output, new System.Text.RegularExpressions.Regex(@"Conv\s+7–17"));
    }
}
