using Mrfi.Core.Configuration;
using Mrfi.Tool.Commands;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>What an installed tool offers without a config: --version, the bundled example, and the [run] device choice.</summary>
[TestClass]
public sealed class ShipCommandsTests
{
    private static string WithDevice(string device) =>
        Cli.Config(Cli.Small.Replace("seed = 5\n", $"seed = 5\ndevice = \"{device}\"\n", StringComparison.Ordinal));

    [TestMethod]
    public void Version_names_mrfi_TorchSharp_libtorch_the_backend_and_the_devices()
    {
        var result = Cli.Run("--version");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, $"mrfi {MrfiApp.Version}");
        StringAssert.Contains(result.Output, "TorchSharp 0.107.0 (backend: cpu)");
        StringAssert.Matches(result.Output, new System.Text.RegularExpressions.Regex(@"libtorch 2\.\d+"));
        StringAssert.Contains(result.Output, "devices: cpu");
    }

    [TestMethod]
    public void The_bundled_example_reads_the_tools_assets_and_writes_results_under_the_current_folder()
    {
        string path = BundledExample.Write("lenet-fmnist", Repo.Assets);
        var config = ConfigReader.Read(path);
        Assert.AreEqual(Repo.Asset("lenet_fmnist.safetensors"), config.Model.Weights);
        Assert.AreEqual(Repo.Asset("fmnist_test1000-images-idx3-ubyte"), config.Data.Images);
        Assert.AreEqual(Path.GetFullPath("results"), config.Run.Output);
    }

    [TestMethod]
    public void Run_example_lenet_fmnist_runs_the_campaign_bundled_with_the_tool()
    {
        string output = Path.Combine(Repo.TempFolder("example"), "out");
        var result = Cli.Run("run", "--example", "lenet-fmnist", "--out", output, "--trial", "0");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.IsTrue(File.Exists(Path.Combine(output, "trials.parquet")));
        StringAssert.Contains(result.Output, "Replayed trial(s) 0 only");
    }

    [TestMethod]
    public void An_unknown_example_is_one_error_that_lists_the_bundled_ones()
    {
        var result = Cli.Run("run", "--example", "resnet");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "--example resnet: unknown example; the tool ships lenet-fmnist");
    }

    [TestMethod]
    public void Asking_for_cuda_on_the_cpu_build_is_one_error_on_the_device_line()
    {
        foreach (var command in new[] { "validate", "run" })
        {
            string config = WithDevice("cuda:0");
            var result = Cli.Run(command, config);
            Assert.AreEqual(2, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output,
                "mrfi.toml(12,1): error: [run] device = \"cuda:0\" but CUDA is not available: this build uses the CPU backend");
            Assert.DoesNotContain("   at ", result.Output, "no stack trace");
            Assert.IsFalse(Directory.Exists(Path.Combine(Path.GetDirectoryName(config)!, "results")), $"{command}: nothing is written");
        }
    }

    [TestMethod]
    public void Device_auto_falls_back_to_the_cpu_where_there_is_no_gpu()
    {
        var result = Cli.Run("validate", WithDevice("auto"));
        Assert.AreEqual(0, result.ExitCode, result.Output);
    }
}
