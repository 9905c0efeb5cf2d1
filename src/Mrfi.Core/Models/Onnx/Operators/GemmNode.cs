using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>A Gemm that is not a plain Linear (alpha or beta not 1, transA, a bias computed by the graph):
/// Y = alpha·A'·W' + beta·C with the constant B as the <c>weight</c> parameter and a constant C as <c>bias</c>.</summary>
internal sealed class GemmNode : OnnxNode
{
    private readonly float _alpha;
    private readonly float _beta;
    private readonly bool _transA;
    private readonly bool _transB;
#pragma warning disable IDE1006 // weight and bias: the parameter names mrfi configs use.
    private readonly Parameter weight;
    private readonly Parameter? bias;
#pragma warning restore IDE1006

    /// <summary>Takes over the parameters.</summary>
    public GemmNode(GemmAttributes attributes, Parameter weight, Parameter? bias) : base("Gemm")
    {
        (_alpha, _beta, _transA, _transB) = attributes;
        this.weight = weight;
        this.bias = bias;
        RegisterComponents();
    }

    /// <inheritdoc />
    protected override Tensor[] Run(IReadOnlyList<Tensor?> inputs)
    {
        var a = _transA ? inputs[0]!.t() : inputs[0]!;
        var y = a.matmul(_transB ? weight.t() : weight);
        if (_alpha != 1) y = y * _alpha;
        var c = bias ?? (inputs.Count > 2 ? inputs[2] : null);
        if (c is not null) y = _beta == 1 ? y + c : y + c * _beta;
        return [y];
    }
}
