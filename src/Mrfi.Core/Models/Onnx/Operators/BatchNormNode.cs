using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Inference BatchNormalization with <c>weight</c> (scale) and <c>bias</c> parameters and the running statistics
/// as buffers, as torch's BatchNorm layers hold them; works for any rank.</summary>
internal sealed class BatchNormNode : OnnxNode
{
    private readonly double _epsilon;
#pragma warning disable IDE1006 // the names torch's BatchNorm layers use.
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Tensor running_mean;
    private readonly Tensor running_var;
#pragma warning restore IDE1006

    /// <summary>Takes over the tensors.</summary>
    public BatchNormNode(double epsilon, Parameter weight, Parameter bias, Tensor mean, Tensor variance) : base("BatchNormalization")
    {
        _epsilon = epsilon;
        this.weight = weight;
        this.bias = bias;
        running_mean = mean;
        running_var = variance;
        RegisterComponents();
    }

    /// <inheritdoc />
    protected override Tensor[] Run(IReadOnlyList<Tensor?> inputs) =>
        [nn.functional.batch_norm(inputs[0]!, running_mean, running_var, weight, bias, training: false, momentum: 0, eps: _epsilon)];
}
