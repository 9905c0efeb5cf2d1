using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Models;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models;

[TestClass]
public sealed class ZooModelTests
{
    private static readonly ComponentCatalog Catalog = ComponentCatalog.BuiltIn;

    private static nn.Module<Tensor, Tensor> Build(string modelToml, long runSeed = 1)
    {
        string toml = $"[model]\n{modelToml}\n\n[data]\nformat = \"idx\"\nimages = \"{{assets}}/fmnist_test1000-images-idx3-ubyte\"\n" +
            $"labels = \"{{assets}}/fmnist_test1000-labels-idx1-ubyte\"\n\n[run]\nseed = {runSeed}\n\n[sweep]\nrepeats = 1\n";
        return new PlanBuilder(Catalog).BuildModel(ConfigReader.Read(ConfigFixture.Write(toml)));
    }

    [TestMethod]
    [DataRow("ResNet18", 3, 224, 1000)]
    [DataRow("ResNet18", 3, 32, 10)]
    [DataRow("ResNet18", 1, 28, 10)]
    [DataRow("VGG11", 3, 224, 1000)]
    [DataRow("VGG11", 3, 32, 10)]
    [DataRow("VGG11", 1, 28, 10)]
    [DataRow("VGG16", 3, 224, 1000)]
    [DataRow("VGG16", 3, 32, 10)]
    [DataRow("VGG16", 1, 28, 10)]
    public void Zoo_models_map_images_of_their_input_shape_to_one_logit_per_class(string architecture, int channels, int size, int classes)
    {
        // ImageNet-shaped VGGs at a quarter of torchvision's width (their full-width tensors are checked on the meta device
        // in TorchVisionParityTests): the same 224×224 → 7×7 → classifier path at a sixteenth of the time.
        string width = size > 64 && architecture.StartsWith("VGG", StringComparison.Ordinal) ? "\nwidth = 16" : "";
        using var model = Build($"architecture = \"{architecture}\"\nin_channels = {channels}\nimage_size = {size}{width}");
        CollectionAssert.AreEqual(new long[] { channels, size, size }, ((IImageClassifier)model).InputShape);
        long batch = size > 64 ? 1 : 2;
        using var x = randn(batch, channels, size, size);
        using var y = model.call(x);
        CollectionAssert.AreEqual(new[] { batch, (long)classes }, y.shape);
        Assert.IsTrue(y.isfinite().all().item<bool>());
    }

    [TestMethod]
    public void Cifar_sized_ResNet18_has_a_3x3_stride_1_stem_and_no_max_pool()
    {
        using var small = new ResNet18(imageSize: 32);
        using var large = new ResNet18(imageSize: 224);
        var smallNames = small.named_modules().Select(m => m.name).ToList();
        CollectionAssert.DoesNotContain(smallNames, "maxpool");
        CollectionAssert.Contains(large.named_modules().Select(m => m.name).ToList(), "maxpool");
        CollectionAssert.AreEqual(new long[] { 64, 3, 3, 3 }, small.get_parameter("conv1.weight")!.shape);
        CollectionAssert.AreEqual(new long[] { 64, 3, 7, 7 }, large.get_parameter("conv1.weight")!.shape);
        // Stride 1 keeps 32×32 through layer1; torchvision's stem would leave 8×8.
        var sizes = new List<long[]>();
        var layer1 = (nn.Module<Tensor, Tensor>)small.named_modules().Single(m => m.name == "layer1").module;
        var hook = layer1.register_forward_hook((_, _, output) => { sizes.Add(output.shape); return output; });
        using var x = randn(1, 3, 32, 32);
        using var y = small.call(x);
        hook.remove();
        CollectionAssert.AreEqual(new long[] { 1, 64, 32, 32 }, sizes.Single());
    }

    [TestMethod]
    public void Width_scales_every_stage_and_num_classes_overrides_the_default()
    {
        using var resnet = new ResNet18(inChannels: 1, imageSize: 28, numClasses: 7, width: 16);
        CollectionAssert.AreEqual(new long[] { 16, 1, 3, 3 }, resnet.get_parameter("conv1.weight")!.shape);
        CollectionAssert.AreEqual(new long[] { 128, 128, 3, 3 }, resnet.get_parameter("layer4.1.conv2.weight")!.shape);
        CollectionAssert.AreEqual(new long[] { 7, 128 }, resnet.get_parameter("fc.weight")!.shape);
        using var vgg = new VGG11(inChannels: 1, imageSize: 28, batchNorm: true, width: 8);
        CollectionAssert.AreEqual(new long[] { 8, 1, 3, 3 }, vgg.get_parameter("features.0.weight")!.shape);
        CollectionAssert.AreEqual(new long[] { 8 }, vgg.get_buffer("features.1.running_mean")!.shape);
        CollectionAssert.AreEqual(new long[] { 64, 64 }, vgg.get_parameter("classifier.0.weight")!.shape);
        CollectionAssert.AreEqual(new long[] { 10, 64 }, vgg.get_parameter("classifier.6.weight")!.shape);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(7)]
    [DataRow(2000)]
    public void Image_sizes_outside_8_to_1024_are_refused(int size) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VGG11(imageSize: size == 0 ? -1 : size));

    private static Dictionary<string, float[]> Parameters(nn.Module model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.to_type(ScalarType.Float32).data<float>().ToArray());

    [TestMethod]
    public void Untrained_models_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        const string arch = "architecture = \"ResNet18\"\nimage_size = 32\nwidth = 8";
        using var a = Build(arch, runSeed: 5);
        using var b = Build(arch, runSeed: 5);
        using var c = Build(arch, runSeed: 6);
        using var d = Build(arch + "\nseed = 5", runSeed: 6);
        var pa = Parameters(a);
        Assert.AreEqual(pa.Count, Parameters(b).Count);
        foreach (var (name, values) in Parameters(b)) CollectionAssert.AreEqual(pa[name], values, name);
        CollectionAssert.AreNotEqual(pa["conv1.weight"], Parameters(c)["conv1.weight"]);
        CollectionAssert.AreNotEqual(pa["fc.weight"], Parameters(c)["fc.weight"]);
        // [model] seed wins over [run] seed.
        foreach (var (name, values) in Parameters(d)) CollectionAssert.AreEqual(pa[name], values, name);
    }

    [TestMethod]
    public void Built_models_run_BatchNorm_on_running_statistics()
    {
        using var model = Build("architecture = \"VGG11\"\nin_channels = 1\nimage_size = 28\nbatch_norm = true\nwidth = 4");
        Assert.IsFalse(model.training);
        var bn = (TorchSharp.Modules.BatchNorm2d)model.named_modules().Single(m => m.name == "features.1").module;
        Assert.IsFalse(bn.training);
        using (no_grad())
        {
            bn.running_mean!.fill_(0.5);
            bn.running_var!.fill_(4.0);
        }
        using var input = randn(3, 4, 5, 5);
        using var output = bn.call(input);
        // Eval mode: (x − running_mean) / √(running_var + eps), with γ = 1 and β = 0; batch statistics would give mean 0.
        using var expected = input.sub(0.5).div(Math.Sqrt(4.0 + 1e-5));
        Assert.IsTrue(output.allclose(expected, rtol: 1e-5, atol: 1e-6));
        // So one image gives the same logits alone as inside a batch.
        using var batch = randn(4, 1, 28, 28);
        using var all = model.call(batch);
        using var first = model.call(batch.narrow(0, 0, 1));
        Assert.IsTrue(all.narrow(0, 0, 1).allclose(first, rtol: 1e-4, atol: 1e-5));
    }
}
