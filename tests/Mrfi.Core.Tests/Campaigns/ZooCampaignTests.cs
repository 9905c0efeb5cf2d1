
namespace Mrfi.Core.Tests.Campaigns;

/// <summary>Campaigns on the CIFAR-sized ResNet18 (untrained, narrow) with synthetic data: small enough for a unit test.</summary>
[TestClass]
public sealed class ZooCampaignTests
{
    private const string Config = """
        [model]
        architecture = "ResNet18"
        image_size = 16
        width = 8

        [data]
        format = "synthetic"
        shape = [3, 16, 16]
        count = 8
        num_classes = 10

        [run]
        seed = 5
        batch_size = 4

        [sweep]
        ber = [1e-4, 1e-2]
        repeats = 1

        [[fault_inject]]
        name = "w"
        target = "weight"
        module_type = "Conv2d"
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = "auto" }
        selector = { method = "RandomPositionByRate", ber = "$ber" }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        [[observe]]
        method = "RMSE"
        module_type = ["BatchNorm2d", "ReLU", "Linear"]

        [[observe]]
        method = "TopKChange"
        module_name = "fc"

        """;

    private static MemorySink Run(string toml) => CampaignRun.Of(toml);

    [TestMethod]
    public void A_campaign_on_cifar_sized_ResNet18_with_synthetic_data_runs_every_trial()
    {
        var sink = Run(Config);
        Assert.HasCount(2, sink.Trials);
        Assert.IsTrue(sink.Trials.All(t => t.Total == 8));
        // Untrained on random labels: the golden accuracy is what the untrained model happens to get, the same every trial.
        Assert.AreEqual(1, sink.Trials.Select(t => t.GoldenAccuracy).Distinct().Count());
        Assert.IsTrue(sink.Trials.Where(t => t.Point == 1).All(t => t.Faults > sink.Trials.Where(l => l.Point == 0).Max(l => l.Faults)),
            "BER 1e-2 injects more than 1e-4");
        Assert.IsTrue(sink.Observers.Any(o => o.Layer == "layer1.0.bn2" && o.Observer == "RMSE"),
            "observers reach modules inside the blocks");
    }

    [TestMethod]
    public void On_ResNet18_replaying_cached_golden_activations_gives_what_a_golden_forward_per_trial_gives()
    {
        // The cache keeps the golden pass's hook outputs; if ResNet18 rewrote a module's output in place after its hook ran
        // (as torchvision's inplace ReLU and add_ do), the replayed tensors would differ from a fresh golden forward.
        string uncached = Config.Replace("batch_size = 4\n", "batch_size = 4\ngolden_cache_mb = 0\n", StringComparison.Ordinal);
        Assert.AreNotEqual(Config, uncached);
        var a = Run(Config);
        var b = Run(uncached);
        Assert.IsGreaterThan(40, a.Observers.Count, "RMSE on every BatchNorm, ReLU and the fc layer, per trial");
        CollectionAssert.AreEqual(b.Observers.Select(o => (o.Trial, o.Layer, o.Observer, o.Metric, o.Index, o.Value)).ToList(),
            a.Observers.Select(o => (o.Trial, o.Layer, o.Observer, o.Metric, o.Index, o.Value)).ToList());
        Assert.IsTrue(a.Observers.Any(o => o.Observer == "RMSE" && o.Value > 0), "faults move the layers away from golden");
    }
}
