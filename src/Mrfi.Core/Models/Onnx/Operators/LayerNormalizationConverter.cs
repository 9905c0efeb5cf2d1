using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>LayerNormalization (17): normalises over the dimensions from <c>axis</c> (default −1) on, then scale and bias.
/// The optional outputs Mean and InvStdDev have the input's leading dimensions and 1s after them.</summary>
[OnnxOperator("LayerNormalization", SinceOpset = 17)]
internal sealed class LayerNormalizationConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long axis = node.Int("axis", -1);
        double epsilon = node.Float("epsilon", 1e-5f);
        long stash = node.Int("stash_type", 1);
        if (stash != 1) throw node.Refuse($"stash_type {stash} is not supported (only 1, float32 statistics)");
        int outputs = node.OutputCount;
        return new LambdaNode("LayerNormalization", inputs =>
        {
            var x = inputs[0]!;
            var scale = inputs[1]!;
            var bias = inputs.Count > 2 ? inputs[2] : null;
            long a = RuntimeInts.Axis(axis, x.dim());
            long[] normalized = x.shape[(int)a..];
            if (outputs == 1 && scale.shape.SequenceEqual(normalized) && (bias is null || bias.shape.SequenceEqual(normalized)))
                return [nn.functional.layer_norm(x, normalized, scale, bias, epsilon)];
            long[] dims = [.. Enumerable.Range((int)a, (int)x.dim() - (int)a).Select(i => (long)i)];
            using var scope = NewDisposeScope();
            var mean = x.mean(dims, keepdim: true);
            var centred = x - mean;
            var inverse = ((centred * centred).mean(dims, keepdim: true) + epsilon).rsqrt();
            var y = centred * inverse * scale;
            if (bias is not null) y = y + bias;
            Tensor[] all = [y, mean, inverse];
            return [.. all.Take(outputs).Select(t => t.MoveToOuterDisposeScope())];
        });
    }
}
