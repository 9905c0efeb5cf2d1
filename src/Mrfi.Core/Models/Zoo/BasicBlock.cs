using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Mrfi.Core.Models;

// TorchSharp names a module's parameters after its fields: these are the state-dict keys (PyTorch's), not C# style.
#pragma warning disable IDE1006

/// <summary>ResNet's basic block (two 3×3 convolutions and a shortcut) with torchvision's tensor names: conv1 bn1 conv2 bn2,
/// and downsample.0 / downsample.1 when the shape changes.</summary>
/// <remarks>Two departures from torchvision, neither with tensors: nothing is done in place (no inplace ReLU, no <c>add_</c>),
/// so what a hook keeps of a module's output (observers, the golden cache) stays that output; and each ReLU is its own
/// module (relu1 after bn1, relu2 after the residual add) where torchvision calls one <c>relu</c> twice, which an observer
/// comparing each call with its golden counterpart would see as two different layers in one.</remarks>
internal sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;
    private readonly ReLU relu2;

    public BasicBlock(long inPlanes, long planes, long stride) : base(nameof(BasicBlock))
    {
        conv1 = Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(planes);
        relu1 = ReLU();
        conv2 = Conv2d(planes, planes, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(planes);
        if (stride != 1 || inPlanes != planes)
            downsample = Sequential(Conv2d(inPlanes, planes, 1, stride: stride, bias: false), BatchNorm2d(planes));
        relu2 = ReLU();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = relu1.call(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        var identity = downsample is null ? input : downsample.call(input);
        return relu2.call(x.add(identity)).MoveToOuterDisposeScope();
    }
}
