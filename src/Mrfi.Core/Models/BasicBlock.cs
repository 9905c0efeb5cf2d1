using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Models;

/// <summary>ResNet's basic block (two 3×3 convolutions and a shortcut) with torchvision's module names: conv1 bn1 conv2 bn2
/// relu, and downsample.0 / downsample.1 when the shape changes.</summary>
/// <remarks>Unlike torchvision, nothing is done in place (no inplace ReLU, no <c>add_</c>): a hook that keeps a module's
/// output (observers, the golden cache) must still hold that output after the block has gone on.</remarks>
internal sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    public BasicBlock(long inPlanes, long planes, long stride) : base(nameof(BasicBlock))
    {
        conv1 = Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(planes);
        relu = ReLU();
        conv2 = Conv2d(planes, planes, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(planes);
        if (stride != 1 || inPlanes != planes)
            downsample = Sequential(Conv2d(inPlanes, planes, 1, stride: stride, bias: false), BatchNorm2d(planes));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = relu.call(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        var identity = downsample is null ? input : downsample.call(input);
        return relu.call(x.add(identity)).MoveToOuterDisposeScope();
    }
}
