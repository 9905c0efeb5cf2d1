using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Tile: the input repeated <c>repeats[i]</c> times along each dimension.</summary>
[OnnxOperator("Tile")]
internal sealed class TileConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node) => LambdaNode.Of("Tile", inputs =>
    {
        var x = inputs[0]!;
        long[] repeats = RuntimeInts.Of(inputs[1]!);
        if (repeats.Length != x.dim())
            throw new OnnxNodeException($"repeats has {repeats.Length} entries for a tensor of rank {x.dim()}");
        return x.repeat(repeats);
    });
}
