using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Models;

// TorchSharp names a module's parameters after its fields: these are the state-dict keys (PyTorch's), not C# style.
#pragma warning disable IDE1006

/// <summary>ResNet-18 with torchvision's module and tensor names (conv1 bn1 layer1…layer4 fc), so torchvision checkpoints load.</summary>
/// <remarks>ImageNet shape (image_size ≥ 64): 7×7 stride-2 stem and a 3×3 max-pool, as torchvision's resnet18. CIFAR-sized
/// (image_size below 64): a 3×3 stride-1 stem and no max-pool, so 32×32 and 28×28 inputs keep enough resolution. Weights
/// are initialised as torchvision does (Kaiming-normal convolutions, BatchNorm γ = 1, β = 0) from torch's generator,
/// which the engine seeds before building the model.</remarks>
[MrfiComponent("ResNet18",
    Summary = "ResNet-18 with torchvision names: ImageNet shape (image_size ≥ 64) or CIFAR-sized (3×3 stem, no max-pool) for 32×32 / " +
        "28×28.")]
public sealed class ResNet18 : Module<Tensor, Tensor>, IImageClassifier
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly MaxPool2d? maxpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Linear fc;

    /// <summary>Creates ResNet-18 with fresh weights.</summary>
    /// <param name="inChannels">Image channels: 3 (RGB) or 1 (grayscale).</param>
    /// <param name="imageSize">Image height and width: from 64 the ImageNet shape (224 as torchvision), below 64 the CIFAR-sized variant
    /// (32, 28).</param>
    /// <param name="numClasses">Number of output logits; 0 = 1000 for the ImageNet shape, 10 for the CIFAR-sized variant.</param>
    /// <param name="width">Channels of the first stage (torchvision: 64); the stages have width, 2·width, 4·width, 8·width.</param>
    public ResNet18(int inChannels = 3, int imageSize = 224, int numClasses = 0, int width = 64) : base(nameof(ResNet18))
    {
        var (imageNet, classes) = ZooShape.Check(inChannels, imageSize, numClasses, width);
        InputShape = [inChannels, imageSize, imageSize];
        conv1 = imageNet ? Conv2d(inChannels, width, 7, stride: 2, padding: 3, bias: false)
            : Conv2d(inChannels, width, 3, stride: 1, padding: 1, bias: false);
        bn1 = BatchNorm2d(width);
        relu = ReLU();
        if (imageNet) maxpool = MaxPool2d(3, stride: 2, padding: 1);
        layer1 = Layer(width, width, 1);
        layer2 = Layer(width, 2 * width, 2);
        layer3 = Layer(2 * width, 4 * width, 2);
        layer4 = Layer(4 * width, 8 * width, 2);
        avgpool = AdaptiveAvgPool2d(1);
        fc = Linear(8 * width, classes);
        RegisterComponents();
        ZooInit.Apply(this, linearStd: null);
    }

    /// <inheritdoc />
    public long[] InputShape { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = relu.call(bn1.call(conv1.call(input)));
        if (maxpool is not null) x = maxpool.call(x);
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        x = avgpool.call(x).flatten(1);
        return fc.call(x).MoveToOuterDisposeScope();
    }

    private static Sequential Layer(long inPlanes, long planes, long stride) =>
        Sequential(new BasicBlock(inPlanes, planes, stride), new BasicBlock(planes, planes, 1));
}
