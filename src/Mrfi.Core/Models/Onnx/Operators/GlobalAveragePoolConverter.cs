using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>GlobalAveragePool: the mean over every spatial axis, kept as size-1 axes.</summary>
[OnnxOperator("GlobalAveragePool")]
internal sealed class GlobalAveragePoolConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) =>
        LambdaNode.Unary("GlobalAveragePool", x => x.mean([.. Enumerable.Range(2, (int)x.dim() - 2).Select(d => (long)d)], keepdim: true));
}
