using Mrfi.Core.Models;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models;

/// <summary>The weights examples/train produced and examples/ commits: they load strictly and give the accuracy its README
/// states.</summary>
[TestClass]
public sealed class TrainedZooWeightsTests
{
    /// <summary>Correct predictions on bundled images 800…999, which the training held out.</summary>
    private static long HeldOutCorrect(nn.Module<Tensor, Tensor> model, string weights)
    {
        WeightLoader.Load(model, Repo.Asset(weights));
        model.eval();
        using var data = LeNetFixture.Images(1000);
        using var noGrad = no_grad();
        using var logits = model.call(data.Images.narrow(0, 800, 200));
        using var correct = logits.argmax(1).eq(data.Labels.narrow(0, 800, 200)).sum();
        return correct.item<long>();
    }

    [TestMethod]
    public void The_trained_ResNet18_gets_78_5_percent_of_the_held_out_images()
    {
        using var model = new ResNet18(inChannels: 1, imageSize: 28, width: 16);
        Assert.AreEqual(157L, HeldOutCorrect(model, "resnet18s_fmnist.safetensors"));
    }

    [TestMethod]
    public void The_trained_VGG11_gets_79_percent_of_the_held_out_images()
    {
        using var model = new VGG11(inChannels: 1, imageSize: 28, batchNorm: true, width: 16);
        Assert.AreEqual(158L, HeldOutCorrect(model, "vgg11s_fmnist.safetensors"));
    }
}
