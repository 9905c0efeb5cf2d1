namespace Mrfi.Core.Models;

/// <summary>The argument checks and defaults the zoo models (VGG, ResNet) share: image size picks the ImageNet or the
/// CIFAR-sized variant, and <c>num_classes = 0</c> picks that variant's usual class count.</summary>
internal static class ZooShape
{
    /// <summary>Images at least this large get the ImageNet-shaped network; smaller ones the CIFAR-sized variant.</summary>
    public const int ImageNetMinimum = 64;

    /// <summary>Checks the shared arguments; returns whether the ImageNet shape applies and the class count to use.</summary>
    public static (bool ImageNet, int Classes) Check(int inChannels, int imageSize, int numClasses, int width)
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, "in_channels must be at least 1");
        // Below 8 pixels the CIFAR-sized ResNet's three stride-2 stages would shrink the map to nothing.
        if (imageSize is < 8 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize,
                $"image_size must be from 8 to 1024 (from {ImageNetMinimum} on: ImageNet shape; below: CIFAR-sized)");
        if (numClasses < 0)
            throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses,
                "num_classes must be positive, or 0 for the variant's default (1000 ImageNet-shaped, 10 CIFAR-sized)");
        if (width is < 1 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(width), width,
                "width (channels of the first stage; torchvision: 64) must be from 1 to 1024");
        bool imageNet = imageSize >= ImageNetMinimum;
        return (imageNet, numClasses > 0 ? numClasses : imageNet ? 1000 : 10);
    }
}
