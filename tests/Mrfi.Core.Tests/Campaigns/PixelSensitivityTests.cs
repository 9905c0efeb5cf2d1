using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using Mrfi.Core.Models;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Serilog;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Tests.Campaigns;

[TestClass]
public sealed class PixelSensitivityTests
{
    /// <summary>examples/exp4-sensitivity/pixel on 100 images, with so many draws per image (100 among 6 channels) that
    /// every channel at the pixel is flipped (one in 10^7 images misses one).</summary>
    private static string Config()
    {
        string toml = File.ReadAllText(Path.Combine(Repo.Root, "examples", "exp4-sensitivity", "pixel", "mrfi.toml"))
            .Replace("\"../../assets/", $"\"{Repo.Assets}/", StringComparison.Ordinal)
            .Replace("limit = 500", "limit = 100", StringComparison.Ordinal)
            .Replace("batch_size = 250", "batch_size = 100", StringComparison.Ordinal)
            .Replace("n = 12, pixel", "n = 100, pixel", StringComparison.Ordinal);
        StringAssert.Contains(toml, "n = 100, pixel", "the example changed; update this test's edits");
        return toml;
    }

    [TestMethod]
    public void Pixel_sweep_accuracies_equal_a_hand_written_sign_flip_of_every_channel_at_that_pixel()
    {
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(Config())));
        using var model = plan.Model;
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger()).Run(plan, sink, new SilentProgress());
        Assert.HasCount(196, sink.Trials);
        var engine = sink.Trials.OrderBy(t => t.Sweep["pixel"]).Select(t => t.Correct).ToArray();

        // The same faults without the engine: LeNet's layers called by hand, conv2's input quantized with MRFI's symmetric
        // 8-bit arithmetic over its own range, and at pixel (p / 14, p % 14) the sign bit of every channel flipped in two's
        // complement (q → q − 128 for q ≥ 0, q + 128 below).
        using var data = DatasetLoader.Load(plan.Config.Data, 0);
        var m = ((LeNet)model).named_children().ToDictionary(c => c.name, c => (Module<Tensor, Tensor>)c.module);
        var hand = new long[196];
        using (no_grad())
        using (NewDisposeScope())
        {
            var a = functional.max_pool2d(functional.relu(m["conv1"].call(data.Images)), 2);
            var r = a.abs().max();
            var q = (a + r).mul(254.0 / (r * 2.0)).add(-127).clamp(-127, 127).round();
            for (int p = 0; p < 196; p++)
            {
                var flipped = q.clone();
                var at = flipped[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Single(p / 14), TensorIndex.Single(p % 14)];
                flipped[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Single(p / 14), TensorIndex.Single(p % 14)] =
                    where(at >= 0, at - 128, at + 128);
                var x = (flipped + 127).mul(r * 2.0 / 254.0).sub(r);
                x = functional.max_pool2d(functional.relu(m["conv2"].call(x)), 2).flatten(1);
                x = functional.relu(m["fc2"].call(functional.relu(m["fc1"].call(x))));
                hand[p] = m["fc3"].call(x).argmax(1).eq(data.Labels).sum().item<long>();
            }
        }
        CollectionAssert.AreEqual(hand, engine, "correct predictions per pixel, flat index h · 14 + w");
        Assert.IsGreaterThan(20L, hand.Max() - hand.Min(), "pixels differ in sensitivity, so the comparison can fail");
    }
}
