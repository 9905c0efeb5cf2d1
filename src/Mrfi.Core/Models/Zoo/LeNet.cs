using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Models;

// TorchSharp names a module's parameters after its fields: these are the state-dict keys (PyTorch's), not C# style.
#pragma warning disable IDE1006

/// <summary>LeNet-5 as in the Python MRFI and PyTorch tutorials: conv1 → relu → pool → conv2 → relu → pool → fc1 → fc2 →
/// fc3.</summary>
/// <remarks>Inputs smaller than 32×32 are zero-padded in conv1 (28×28 Fashion-MNIST uses padding 2), so the
/// flattened features are always 16·5·5 = 400. Submodules are called through <c>call()</c> so hooks fire.</remarks>
[MrfiComponent("LeNet", Summary = "LeNet-5 (conv1 conv2 fc1 fc2 fc3) for 1×28×28 or 3×32×32 images, as in the Python MRFI.")]
public sealed class LeNet : Module<Tensor, Tensor>, IImageClassifier
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    /// <summary>Creates LeNet with fresh (untrained) weights.</summary>
    /// <param name="inChannels">Image channels: 1 (MNIST, Fashion-MNIST) or 3 (CIFAR-10).</param>
    /// <param name="imageSize">Image height and width: 28 or 32 (any even size from 24 to 32 works).</param>
    /// <param name="numClasses">Number of output logits.</param>
    public LeNet(int inChannels = 1, int imageSize = 28, int numClasses = 10) : base(nameof(LeNet))
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, "in_channels must be at least 1");
        if (imageSize is < 24 or > 32 || imageSize % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "image_size must be an even number from 24 to 32");
        if (numClasses < 1) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "num_classes must be at least 1");
        InputShape = [inChannels, imageSize, imageSize];
        conv1 = Conv2d(inChannels, 6, 5, padding: (32 - imageSize) / 2);
        conv2 = Conv2d(6, 16, 5);
        fc1 = Linear(400, 120);
        fc2 = Linear(120, 84);
        fc3 = Linear(84, numClasses);
        RegisterComponents();
    }

    /// <inheritdoc />
    public long[] InputShape { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.max_pool2d(functional.relu(conv1.call(input)), 2);
        x = functional.max_pool2d(functional.relu(conv2.call(x)), 2);
        x = x.flatten(1);
        x = functional.relu(fc1.call(x));
        x = functional.relu(fc2.call(x));
        return fc3.call(x).MoveToOuterDisposeScope();
    }
}
