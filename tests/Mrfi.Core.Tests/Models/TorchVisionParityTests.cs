using Mrfi.Core.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models;

/// <summary>Our ImageNet-shaped models against TorchVision 0.107.0's (a test-only dependency): same tensor names and shapes,
/// and the same logits once torchvision's weights are loaded through <see cref="WeightLoader"/>.</summary>
[TestClass]
public sealed class TorchVisionParityTests
{
    private static List<string> Describe(nn.Module model) =>
        [.. model.state_dict().Select(p => $"{p.Key} [{string.Join(",", p.Value.shape)}] {p.Value.dtype}").Order(StringComparer.Ordinal)];

    private static void AssertSameTensors(nn.Module theirs, nn.Module ours)
    {
        var expected = Describe(theirs);
        var actual = Describe(ours);
        Assert.IsGreaterThan(20, expected.Count);
        CollectionAssert.AreEqual(expected, actual,
            $"only torchvision: {string.Join("; ", expected.Except(actual))}; only ours: {string.Join("; ", actual.Except(expected))}");
    }

    /// <summary>Builds both models on the meta device (shapes without storage), so that VGG's 120 million parameters cost
    /// nothing.</summary>
    private static void OnMeta(Action build)
    {
        var previous = get_default_device();
        set_default_device(META);
        try { build(); }
        finally { set_default_device(previous); }
    }

    [TestMethod]
    public void ResNet18_imagenet_shape_has_torchvision_parameter_names() => OnMeta(() =>
    {
        using var theirs = torchvision.models.resnet18();
        using var ours = new ResNet18();
        AssertSameTensors(theirs, ours);
    });

    [TestMethod]
    public void VGG11_imagenet_shape_with_and_without_batch_norm_has_torchvision_parameter_names() => OnMeta(() =>
    {
        using (var theirs = torchvision.models.vgg11())
        using (var ours = new VGG11())
            AssertSameTensors(theirs, ours);
        using (var theirs = torchvision.models.vgg11_bn())
        using (var ours = new VGG11(batchNorm: true))
            AssertSameTensors(theirs, ours);
    });

    [TestMethod]
    public void VGG16_imagenet_shape_with_and_without_batch_norm_has_torchvision_parameter_names() => OnMeta(() =>
    {
        using (var theirs = torchvision.models.vgg16())
        using (var ours = new VGG16())
            AssertSameTensors(theirs, ours);
        using (var theirs = torchvision.models.vgg16_bn())
        using (var ours = new VGG16(batchNorm: true))
            AssertSameTensors(theirs, ours);
    });

    [TestMethod]
    public void A_torchvision_ResNet18_checkpoint_loads_and_gives_torchvision_logits()
    {
        using var theirs = torchvision.models.resnet18(num_classes: 10);
        // Non-default running statistics, so that a model that ignored them (or used batch statistics) would differ.
        using (no_grad())
        {
            foreach (var (name, buffer) in theirs.named_buffers().Where(b => b.name.EndsWith("running_mean", StringComparison.Ordinal)))
                buffer.uniform_(-0.2, 0.2);
            foreach (var (name, buffer) in theirs.named_buffers().Where(b => b.name.EndsWith("running_var", StringComparison.Ordinal)))
                buffer.uniform_(0.5, 2.0);
        }
        theirs.eval();
        string path = Path.Combine(Repo.TempFolder("tv"), "resnet18.pt");
        using (var stream = File.Create(path)) PyTorchPickler.PickleStateDict(stream, theirs.state_dict());
        using var ours = new ResNet18(numClasses: 10);
        WeightLoader.Load(ours, path);
        ours.eval();
        using var x = randn(1, 3, 96, 96);
        using var expected = theirs.call(x);
        using var actual = ours.call(x);
        Assert.IsTrue(actual.allclose(expected, rtol: 1e-4, atol: 1e-5),
            $"max difference {actual.sub(expected).abs().max().item<float>()}");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [TestMethod]
    public void A_torchvision_VGG11_checkpoint_loads_through_safetensors_and_gives_torchvision_logits()
    {
        using var theirs = torchvision.models.vgg11_bn(num_classes: 10);
        theirs.eval();
        string path = Path.Combine(Repo.TempFolder("tv"), "vgg11.safetensors");
        Safetensors.SaveStateDict(path, theirs.state_dict());
        using var ours = new VGG11(numClasses: 10, batchNorm: true);
        WeightLoader.Load(ours, path);
        ours.eval();
        using var x = randn(1, 3, 64, 64);
        using var expected = theirs.call(x);
        using var actual = ours.call(x);
        Assert.IsTrue(actual.allclose(expected, rtol: 1e-4, atol: 1e-5),
            $"max difference {actual.sub(expected).abs().max().item<float>()}");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
