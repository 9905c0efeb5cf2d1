using System.Diagnostics;
using Mrfi.Core.Models;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>examples/train, reduced: one epoch of narrow models, so that the example keeps building and its weights keep loading.</summary>
[TestClass]
public sealed class TrainingExampleTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void Training_example_trains_one_epoch_and_writes_weights_the_zoo_models_load()
    {
        string configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        string program = Path.Combine(Repo.Root, "examples", "train", "bin", configuration, "net10.0", "linux-x64",
            "Mrfi.Examples.Train.dll");
        Assert.IsTrue(File.Exists(program), $"{program} is built with the tests");
        string output = Repo.TempFolder("train");
        var start = new ProcessStartInfo("dotnet", $"\"{program}\" --epochs 1 --width 4 --out \"{output}\"")
        {
            WorkingDirectory = Repo.Root,   // it reads the bundled images from examples/assets, as from the README's command
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        string stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.AreEqual(0, child.ExitCode, stdout + stderr.Result);
        StringAssert.Contains(stdout, "held out");
        using var vgg = new VGG11(inChannels: 1, imageSize: 28, batchNorm: true, width: 4);
        WeightLoader.Load(vgg, Path.Combine(output, "vgg11s_fmnist.safetensors"));
        using var resnet = new ResNet18(inChannels: 1, imageSize: 28, width: 4);
        WeightLoader.Load(resnet, Path.Combine(output, "resnet18s_fmnist.safetensors"));
    }
}
