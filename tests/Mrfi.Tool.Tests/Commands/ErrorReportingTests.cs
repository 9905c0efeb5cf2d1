namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class ErrorReportingTests
{
    private static (int ExitCode, string Output) Fails(string toml)
    {
        string config = Cli.Config(toml);
        var result = Cli.Run("run", config, "--out", Path.Combine(Path.GetDirectoryName(config)!, "out"));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        Assert.DoesNotContain("   at ", result.Output, "no stack trace for a user mistake");
        return (result.ExitCode, result.Output);
    }

    [TestMethod]
    public void Toml_syntax_error_is_one_message_with_line_and_exit_code_2()
    {
        var (_, output) = Fails(Cli.Small.Replace("limit = 200", "limit = = 200", StringComparison.Ordinal));
        StringAssert.Contains(output, "mrfi.toml(8,9): error: invalid TOML");
        StringAssert.Contains(output, "invalid TOML");
    }

    [TestMethod]
    public void Unknown_component_lists_valid_names()
    {
        var (_, output) = Fails(Cli.Small.Replace("RandomPositionByRate", "RandomPositonByRate", StringComparison.Ordinal));
        StringAssert.Contains(output, "unknown selector 'RandomPositonByRate'");
        StringAssert.Contains(output, "Did you mean 'RandomPositionByRate'?");
        StringAssert.Contains(output, "FixPosition, FixPositions, MaskedDimRandomPositionByNumber");
    }

    [TestMethod]
    public void Missing_weights_file_is_named()
    {
        var (_, output) = Fails(Cli.Small.Replace("lenet_fmnist.safetensors", "missing.safetensors", StringComparison.Ordinal));
        StringAssert.Contains(output, "mrfi.toml(3,");
        StringAssert.Contains(output, "weights file not found");
    }

    [TestMethod]
    public void Wrong_tensor_shape_names_the_tensor()
    {
        var (_, output) = Fails(Cli.Small.Replace("architecture = \"LeNet\"", "architecture = \"LeNet\"\nin_channels = 3\nimage_size = 32",
            StringComparison.Ordinal));
        StringAssert.Contains(output, "tensor 'conv1.weight' has shape [6,1,5,5] in the file but the model needs [6,3,5,5]");
    }

    [TestMethod]
    public void Missing_config_file_is_a_user_error()
    {
        var result = Cli.Run("run", "/nonexistent/mrfi.toml");
        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Output, "config file not found");
    }

    [TestMethod]
    public void Unknown_option_fails_without_running()
    {
        var result = Cli.Run("run", "--sed", "3");
        Assert.AreNotEqual(0, result.ExitCode);
    }

    [TestMethod]
    public void Version_and_help_work()
    {
        var version = Cli.Run("--version");
        Assert.AreEqual(0, version.ExitCode, version.Output);
        StringAssert.Contains(version.Output, "0.1.0");
        var top = Cli.Run("--help");
        Assert.AreEqual(0, top.ExitCode);
        foreach (var command in new[] { "run", "validate", "plan", "inspect", "expand", "init", "import-yaml", "list", "bench",
            "bench-selectors" })
            StringAssert.Contains(top.Output, $"    {command} ", $"--help lists {command}");
        var help = Cli.Run("run", "--help");
        Assert.AreEqual(0, help.ExitCode);
        StringAssert.Contains(help.Output, "--seed");
        StringAssert.Contains(help.Output, "--out");
    }
}
