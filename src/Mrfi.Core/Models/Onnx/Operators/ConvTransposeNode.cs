using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>ConvTranspose (1-D or 2-D, fixed symmetric padding) with <c>weight</c>/<c>bias</c> parameters.</summary>
internal sealed class ConvTransposeNode : OnnxNode
{
    private readonly Window _window;
    private readonly long[] _outputPadding;
    private readonly long _groups;
#pragma warning disable IDE1006 // weight and bias: the parameter names mrfi configs use.
    private readonly Parameter weight;
    private readonly Parameter? bias;
#pragma warning restore IDE1006

    /// <summary>Takes over the parameters.</summary>
    public ConvTransposeNode(Window window, long[] outputPadding, long groups, Parameter weight, Parameter? bias) : base("ConvTranspose")
    {
        (_window, _outputPadding, _groups) = (window, outputPadding, groups);
        this.weight = weight;
        this.bias = bias;
        RegisterComponents();
    }

    /// <inheritdoc />
    protected override Tensor[] Run(IReadOnlyList<Tensor?> inputs)
    {
        var x = inputs[0]!;
        if (_window.Kernel.Length == 2)
            return [nn.functional.conv_transpose2d(x, weight, bias, _window.Strides, _window.Begin, _outputPadding, _window.Dilations,
                _groups)];
        using var w = weight.unsqueeze(2);
        using var y = nn.functional.conv_transpose2d(x.unsqueeze(2), w, bias, [1, _window.Strides[0]], [0, _window.Begin[0]],
            [0, _outputPadding[0]], [1, _window.Dilations[0]], _groups);
        return [y.squeeze(2)];
    }
}
