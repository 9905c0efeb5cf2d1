using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Pad: pads and value as attributes before opset 11, as inputs since; modes constant, reflect and edge
/// (reflect and edge only on the trailing three axes, as torch pads them).</summary>
[OnnxOperator("Pad", SinceOpset = 2)]
internal sealed class PadConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        string mode = node.String("mode", "constant")!;
        var torchMode = mode switch
        {
            "constant" => PaddingModes.Constant,
            "reflect" => PaddingModes.Reflect,
            "edge" => PaddingModes.Replicate,
            _ => throw node.Refuse($"mode = {mode} is not supported (constant, reflect, edge are)"),
        };
        if (node.Opset < 11)
        {
            long[] pads = node.Ints("pads") ?? throw node.Refuse("pads is required");
            double value = node.Float("value", 0);
            return LambdaNode.Unary("Pad", x => Pad(x, pads, torchMode, value));
        }
        if (node.InputCount > 3) throw node.Refuse("the axes input (opset 18) is not supported");
        return LambdaNode.Of("Pad", inputs =>
        {
            long[] pads = inputs[1]!.data<long>().ToArray();
            double value = inputs.Count > 2 && inputs[2] is { } v ? v.to_type(ScalarType.Float64).item<double>() : 0;
            return Pad(inputs[0]!, pads, torchMode, value);
        });
    }

    private static Tensor Pad(Tensor x, long[] pads, PaddingModes mode, double value)
    {
        int rank = (int)x.dim();
        if (pads.Length != 2 * rank) throw new ArgumentException($"Pad: {pads.Length} pads for a tensor of rank {rank}");
        // torch takes (last begin, last end, second-to-last begin, …) and only as many axes as needed.
        int first = Enumerable.Range(0, rank).FirstOrDefault(d => pads[d] != 0 || pads[d + rank] != 0, rank);
        if (first == rank) return x.alias();
        var torchPads = new List<long>();
        for (int d = rank - 1; d >= first; d--) torchPads.AddRange([pads[d], pads[d + rank]]);
        return nn.functional.pad(x, [.. torchPads], mode, value);
    }
}
