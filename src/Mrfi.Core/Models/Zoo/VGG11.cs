namespace Mrfi.Core.Models;

/// <summary>VGG-11 with torchvision's module and tensor names, so torchvision checkpoints load (see <see cref="Vgg"/>).</summary>
[MrfiComponent("VGG11",
    Summary = "VGG-11 (optionally with BatchNorm) with torchvision names: ImageNet shape (image_size ≥ 64) or CIFAR-sized for 32×32 / " +
        "28×28.")]
public sealed class VGG11 : Vgg
{
    /// <summary>Creates VGG-11 with fresh weights.</summary>
    /// <param name="inChannels">Image channels: 3 (RGB) or 1 (grayscale).</param>
    /// <param name="imageSize">Image height and width: from 64 the ImageNet shape (224 as torchvision), below 64 the CIFAR-sized variant
    /// (32, 28).</param>
    /// <param name="numClasses">Number of output logits; 0 = 1000 for the ImageNet shape, 10 for the CIFAR-sized variant.</param>
    /// <param name="batchNorm">BatchNorm after every convolution (torchvision's vgg11_bn); it shifts the feature indices.</param>
    /// <param name="width">Channels of the first convolution (torchvision: 64); later stages have 2, 4 and 8 times as many.</param>
    public VGG11(int inChannels = 3, int imageSize = 224, int numClasses = 0, bool batchNorm = false, int width = 64)
        : base(nameof(VGG11), VggLayers.Vgg11, inChannels, imageSize, numClasses, batchNorm, width)
    {
    }
}
