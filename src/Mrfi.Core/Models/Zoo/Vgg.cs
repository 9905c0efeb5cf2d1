using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Models;

// TorchSharp names a module's parameters after its fields: these are the state-dict keys (PyTorch's), not C# style.
#pragma warning disable IDE1006

/// <summary>The VGG family with torchvision's module and tensor names (features.N, classifier.0/3/6), so torchvision
/// checkpoints load; <see cref="VGG11"/> and <see cref="VGG16"/> differ only in their feature stack.</summary>
/// <remarks>ImageNet shape (image_size ≥ 64): torchvision's vggNN / vggNN_bn. CIFAR-sized (below 64): the same feature stack
/// with ceil-mode pools (1×1 maps from 32×32 and 28×28), a 1×1 average pool and a 512-wide classifier.</remarks>
public abstract class Vgg : Module<Tensor, Tensor>, IImageClassifier
{
    // Not private: TorchSharp registers the fields it finds on the concrete type, which sees inherited non-private ones.
    private protected readonly Sequential features;
    private protected readonly AdaptiveAvgPool2d avgpool;
    private protected readonly Sequential classifier;

    private protected Vgg(string name, int[] stack, int inChannels, int imageSize, int numClasses, bool batchNorm, int width) : base(name)
    {
        var (imageNet, classes) = ZooShape.Check(inChannels, imageSize, numClasses, width);
        InputShape = [inChannels, imageSize, imageSize];
        features = VggLayers.Features(stack, inChannels, width, batchNorm, imageNet);
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
