using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Models;

/// <summary>VGG-16 with torchvision's module and tensor names (features.N, classifier.0/3/6), so torchvision checkpoints load.</summary>
/// <remarks>ImageNet shape (image_size ≥ 64): torchvision's vgg16 / vgg16_bn. CIFAR-sized (below 64): the same feature stack
/// with ceil-mode pools (1×1 maps from 32×32 and 28×28), a 1×1 average pool and a 512-wide classifier.</remarks>
[MrfiComponent("VGG16", Summary = "VGG-16 (optionally with BatchNorm) with torchvision names: ImageNet shape (image_size ≥ 64) or CIFAR-sized for 32×32 / 28×28.")]
public sealed class VGG16 : Module<Tensor, Tensor>, IImageClassifier
{
    private readonly Sequential features;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Sequential classifier;

    /// <summary>Creates VGG-16 with fresh weights.</summary>
    /// <param name="inChannels">Image channels: 3 (RGB) or 1 (grayscale).</param>
    /// <param name="imageSize">Image height and width: from 64 the ImageNet shape (224 as torchvision), below 64 the CIFAR-sized variant (32, 28).</param>
    /// <param name="numClasses">Number of output logits; 0 = 1000 for the ImageNet shape, 10 for the CIFAR-sized variant.</param>
    /// <param name="batchNorm">BatchNorm after every convolution (torchvision's vgg16_bn); it shifts the feature indices.</param>
    /// <param name="width">Channels of the first convolution (torchvision: 64); later stages have 2, 4 and 8 times as many.</param>
    public VGG16(int inChannels = 3, int imageSize = 224, int numClasses = 0, bool batchNorm = false, int width = 64) : base(nameof(VGG16))
    {
        var (imageNet, classes) = ZooShape.Check(inChannels, imageSize, numClasses, width);
        InputShape = [inChannels, imageSize, imageSize];
        features = VggLayers.Features(VggLayers.Vgg16, inChannels, width, batchNorm, imageNet);
        avgpool = VggLayers.AvgPool(imageNet);
        classifier = VggLayers.Classifier(width, imageNet, classes);
        RegisterComponents();
        ZooInit.Apply(this, linearStd: 0.01);
    }

    /// <inheritdoc />
    public long[] InputShape { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = avgpool.call(features.call(input)).flatten(1);
        return classifier.call(x).MoveToOuterDisposeScope();
    }
}
