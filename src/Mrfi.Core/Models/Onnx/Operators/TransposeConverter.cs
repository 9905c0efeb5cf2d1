using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Transpose by <c>perm</c> (default: the dimensions reversed).</summary>
[OnnxOperator("Transpose")]
internal sealed class TransposeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long[]? perm = node.Ints("perm");
        if (perm is not null && perm.Order().Where((p, i) => p != i).Any())
            throw node.Refuse($"perm [{string.Join(",", perm)}] is not a permutation of 0..{perm.Length - 1}");
        return LambdaNode.Unary("Transpose", x =>
        {
            long[] p = perm ?? [.. Enumerable.Range(0, (int)x.dim()).Reverse().Select(i => (long)i)];
            if (p.Length != x.dim()) throw new OnnxNodeException($"perm has {p.Length} entries for a tensor of rank {x.dim()}");
            return x.permute(p);
        });
    }
}
