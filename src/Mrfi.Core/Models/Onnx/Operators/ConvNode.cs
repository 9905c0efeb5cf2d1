using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>A Conv that TorchSharp's Conv1d/Conv2d modules cannot express as it stands (3-D, asymmetric or SAME padding):
/// explicit zero padding, then the convolution, with the same <c>weight</c>/<c>bias</c> parameters.</summary>
internal sealed class ConvNode : OnnxNode
{
    private readonly Window _window;
    private readonly long _groups;
#pragma warning disable IDE1006 // weight and bias: the parameter names mrfi configs use, as on every TorchSharp layer.
    private readonly Parameter weight;
    private readonly Parameter? bias;
#pragma warning restore IDE1006

    /// <summary>Takes over the parameters.</summary>
    public ConvNode(Window window, long groups, Parameter weight, Parameter? bias) : base("Conv")
    {
        _window = window;
        _groups = groups;
        this.weight = weight;
        this.bias = bias;
        RegisterComponents();
    }

    /// <inheritdoc />
    protected override Tensor[] Run(IReadOnlyList<Tensor?> inputs)
    {
        var x = inputs[0]!;
        var (begin, end) = _window.PadsFor(x.shape.AsSpan(2));
        using var padded = nn.functional.pad(x, Window.TorchOrder(begin, end));
        var zero = new long[_window.Kernel.Length];
        return [_window.Kernel.Length switch
        {
            1 => nn.functional.conv2d(padded.unsqueeze(2), weight.unsqueeze(2), bias, [1, _window.Strides[0]], [0, 0],
                [1, _window.Dilations[0]], _groups).squeeze(2),
            2 => nn.functional.conv2d(padded, weight, bias, _window.Strides, zero, _window.Dilations, _groups),
            _ => nn.functional.conv3d(padded, weight, bias, _window.Strides, zero, _window.Dilations, _groups),
        }];
    }
}
