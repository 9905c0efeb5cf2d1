using System.Text.Json;
using Mrfi.Core.Data;
using Mrfi.Core.Models;
using TorchSharp;

namespace Mrfi.Core.Tests.Models;

[TestClass]
public sealed class LeNetReferenceTests
{
    private static JsonElement Reference => JsonDocument.Parse(File.ReadAllText(Repo.Asset("lenet_fmnist_reference.json"))).RootElement;

    private static ImageDataset TestImages(long limit) => DatasetLoader.LoadIdx(
        Repo.Asset("fmnist_test1000-images-idx3-ubyte"), Repo.Asset("fmnist_test1000-labels-idx1-ubyte"), [0.0], [1.0], limit);

    [TestMethod]
    [DataRow("lenet_fmnist.safetensors")]
    [DataRow("lenet_fmnist.pt")]
    public void Imported_weights_reproduce_pytorch_logits(string file)
    {
        using var model = new LeNet();
        WeightLoader.Load(model, Repo.Asset(file));
        model.eval();
        using var data = TestImages(3);
        using var noGrad = torch.no_grad();
        using var logits = model.call(data.Images);
        var got = TensorAssert.Doubles(logits);
        var expected = Reference.GetProperty("logits of test images 0,1,2").EnumerateArray()
            .SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        TensorAssert.AreEqual(expected, got, 1e-4);
    }

    [TestMethod]
    public void Imported_model_reproduces_pytorch_accuracy_on_1000_images()
    {
        using var model = new LeNet();
        WeightLoader.Load(model, Repo.Asset("lenet_fmnist.safetensors"));
        model.eval();
        using var data = TestImages(0);
        using var noGrad = torch.no_grad();
        using var predicted = model.call(data.Images).argmax(1);
        double accuracy = predicted.eq(data.Labels).sum().item<long>() / (double)data.Count;
        Assert.AreEqual(1000, data.Count);
        Assert.AreEqual(Reference.GetProperty("float32 accuracy, first 1000 test images").GetDouble(), accuracy, 1e-4);
        var first20 = Reference.GetProperty("predictions of test images 0..19").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        CollectionAssert.AreEqual(first20, TensorAssert.Longs(predicted)[..20]);
    }

    [TestMethod]
    public void Mrfi_cifar_lenet_pth_loads_with_the_documented_statistics()
    {
        string? shared = Repo.SharedData;
        if (shared is null) Assert.Inconclusive("../shared/data is absent; this check needs MRFI's lenet_cifar10.pth");
        using var model = new LeNet(inChannels: 3, imageSize: 32);
        WeightLoader.Load(model, Path.Combine(shared!, "mrfi_lenet_cifar10.pth"));
        var state = model.state_dict();
        using var w = state["conv1.weight"];
        Assert.AreEqual(-0.3178, w.min().item<float>(), 1e-4);
        Assert.AreEqual(0.3564, w.max().item<float>(), 1e-4);
        Assert.AreEqual(62006, model.parameters().Sum(p => p.numel()));
        using var fc1 = state["fc1.weight"];
        Assert.AreEqual(-0.6652, fc1.min().item<float>(), 1e-4);
    }
}
