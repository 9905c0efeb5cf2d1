using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Models.Onnx;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Campaigns;
using Mrfi.Core.Tests.Configuration;
using Serilog;
using TorchSharp;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>The bundled LeNet exported to ONNX (examples/onnx-model) injects exactly as the built-in LeNet does.</summary>
[TestClass]
public sealed class OnnxLeNetCampaignTests
{
    private static string OnnxFile => Path.Combine(Repo.Root, "examples", "onnx-model", "lenet_fmnist.onnx");

    // The default campaign's shape, widened: weights and activations (input and output), 8-bit and float32, two observers.
    private static string Campaign(string model) => $$"""
        [model]
        {{model}}

        [data]
        format = "idx"
        images = "{{Repo.Asset("fmnist_test1000-images-idx3-ubyte")}}"
        labels = "{{Repo.Asset("fmnist_test1000-labels-idx1-ubyte")}}"
        limit = 200

        [run]
        seed = 2024
        batch_size = 50

        [sweep]
        ber = [1e-3, 3e-2]
        repeats = 2

        [[fault_inject]]
        name = "weights8"
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = "auto" }
        selector = { method = "RandomPositionByRate", ber = "$ber" }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        [[fault_inject]]
        name = "weights32"
        target = "weight"
        module_name = ["conv2", "fc1"]
        selector = { method = "RandomPositionByRate", ber = "$ber" }
        error_model = { method = "FloatRandomBitFlip" }

        [[fault_inject]]
        name = "act8"
        target = "activation"
        module_type = "Linear"
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = "auto" }
        selector = { method = "RandomPositionByRate", ber = "$ber" }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        [[fault_inject]]
        name = "out32"
        target = "activation_out"
        module_name = "conv1"
        selector = { method = "RandomPositionByRate", ber = "$ber" }
        error_model = { method = "FloatRandomBitFlip" }

        [[observe]]
        method = "RMSE"
        module_type = ["Conv2d", "Linear"]

        [[observe]]
        method = "TopKChange"
        module_name = "fc3"

        """;

    private static MemorySink Run(string model)
    {
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(Campaign(model))));
        using var module = plan.Model;
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger()) { RecordFaults = true }.Run(plan, sink, new SilentProgress(), null);
        return sink;
    }

    [TestMethod]
    public void The_exported_LeNet_gives_the_same_trials_faults_and_observer_rows_as_the_built_in_LeNet()
    {
        var builtIn = Run($"architecture = \"LeNet\"\nweights = \"{Repo.Asset("lenet_fmnist.safetensors")}\"");
        var imported = Run($"onnx = \"{OnnxFile}\"");
        Assert.HasCount(4, builtIn.Trials);
        Assert.IsTrue(builtIn.Faults.Count > 100, $"the campaign injects ({builtIn.Faults.Count} faults)");
        Assert.AreEqual(4, builtIn.Faults.Select(f => f.Entry).Distinct().Count(), "every entry injected");
        Assert.IsTrue(builtIn.Trials.Sum(t => t.Changed) > 0, "the faults change predictions");
        // Everything but the wall-clock columns.
        static object Row(TrialRecord t) =>
            (t.Trial, t.Point, t.Repeat, t.Seed, string.Join(",", t.Sweep.Values), t.Accuracy, t.GoldenAccuracy,
            t.FloatAccuracy, t.Correct, t.Total, t.Changed, t.Faults);
        CollectionAssert.AreEqual(builtIn.Trials.Select(Row).ToList(), imported.Trials.Select(Row).ToList());
        CollectionAssert.AreEqual(builtIn.Faults, imported.Faults);
        CollectionAssert.AreEqual(builtIn.Observers, imported.Observers);
    }

    [TestMethod]
    public void The_exported_LeNet_computes_the_built_in_LeNets_logits_at_any_batch_size()
    {
        using var scope = torch.NewDisposeScope();
        using var builtIn = LeNetFixture.Model();
        using var graph = OnnxGraphBuilder.Load(OnnxFile);
        graph.eval();
        using var data = LeNetFixture.Images(7);
        using var noGrad = torch.no_grad();
        foreach (long batch in new long[] { 7, 1 })
        {
            var images = data.Images.narrow(0, 0, batch);
            double deviation = (builtIn.call(images) - graph.call(images)).abs().max().item<float>();
            Assert.IsLessThan(1e-5, deviation, $"batch {batch}: max deviation {deviation}");
        }
        CollectionAssert.AreEqual(new long[] { 1, 28, 28 }, graph.InputShape);
    }
}
