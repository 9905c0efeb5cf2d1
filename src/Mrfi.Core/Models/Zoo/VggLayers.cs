using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Models;

/// <summary>Builds VGG's feature stack and classifier with torchvision's indices (features.0, classifier.0/3/6), for VGG11 and
/// VGG16.</summary>
internal static class VggLayers
{
    /// <summary>A max-pool in a layer list.</summary>
    public const int Pool = 0;

    /// <summary>Configuration A (VGG-11), channels as multiples of the width: 64 128 256 256 512 512 512 512 at width 64.</summary>
    public static readonly int[] Vgg11 = [1, Pool, 2, Pool, 4, 4, Pool, 8, 8, Pool, 8, 8, Pool];

    /// <summary>Configuration D (VGG-16).</summary>
    public static readonly int[] Vgg16 = [1, 1, Pool, 2, 2, Pool, 4, 4, 4, Pool, 8, 8, 8, Pool, 8, 8, 8, Pool];

    /// <summary>Conv 3×3 (+ BatchNorm) + ReLU per entry, 2×2 max-pools between. The CIFAR-sized variant rounds the pools up
    /// (ceil mode), so five halvings leave 1×1 from 28×28 as from 32×32; ceil mode has no tensors, so the names do not change.</summary>
    public static Sequential Features(int[] layers, long inChannels, long width, bool batchNorm, bool imageNet)
    {
        var modules = new List<Module<Tensor, Tensor>>();
        long channels = inChannels;
        foreach (int multiple in layers)
        {
            if (multiple == Pool)
            {
                modules.Add(MaxPool2d(2, stride: 2, ceil_mode: !imageNet));
                continue;
            }
            long outChannels = multiple * width;
            modules.Add(Conv2d(channels, outChannels, 3, padding: 1));
            if (batchNorm) modules.Add(BatchNorm2d(outChannels));
            modules.Add(ReLU());
            channels = outChannels;
        }
        return Sequential(modules);
    }

    /// <summary>The pool before the classifier: 7×7 as torchvision for the ImageNet shape, 1×1 for the CIFAR-sized variant.</summary>
    public static AdaptiveAvgPool2d AvgPool(bool imageNet) => imageNet ? AdaptiveAvgPool2d(7) : AdaptiveAvgPool2d(1);

    /// <summary>Linear → ReLU → Dropout → Linear → ReLU → Dropout → Linear: 8·width·7·7 → 64·width (4096) as torchvision,
    /// or
    /// 8·width → 8·width (512) for the CIFAR-sized variant.</summary>
    public static Sequential Classifier(long width, bool imageNet, int classes)
    {
        long input = imageNet ? 8 * width * 7 * 7 : 8 * width;
        long hidden = imageNet ? 64 * width : 8 * width;
        return Sequential(Linear(input, hidden), ReLU(), Dropout(0.5), Linear(hidden, hidden), ReLU(), Dropout(0.5),
            Linear(hidden, classes));
    }
}
