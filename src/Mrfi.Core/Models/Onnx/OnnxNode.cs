using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>The module of an ONNX node with several inputs or outputs. The graph calls it through <c>call()</c> with the
/// first input, so mrfi's hooks see (and may replace) the first input and the first output; the other inputs are handed
/// over just before the call and the other outputs collected right after it.</summary>
internal abstract class OnnxNode : nn.Module<Tensor, Tensor>
{
    private Tensor?[] _inputs = [];
    private Tensor[] _outputs = [];

    /// <summary>Creates the module; <paramref name="name"/> is its TorchSharp type name (the op type is fine).</summary>
    protected OnnxNode(string name) : base(name) { }

    /// <summary>Runs the node on all its inputs (null for an absent optional input) and returns all its outputs.</summary>
    protected abstract Tensor[] Run(IReadOnlyList<Tensor?> inputs);

    /// <summary>Runs the node through <c>call()</c> so forward hooks fire; the graph's only way in.</summary>
    public Tensor[] Invoke(Tensor?[] inputs)
    {
        var first = inputs.Length > 0 ? inputs[0] : null;
        if (first is null) return Run(inputs);
        _inputs = inputs;
        try
        {
            var output = call(first);
            return [output, .. _outputs];
        }
        finally
        {
            _inputs = [];
            _outputs = [];
        }
    }

    /// <inheritdoc />
    public sealed override Tensor forward(Tensor input)
    {
        var inputs = _inputs.Length == 0 ? [input] : (Tensor?[])[input, .. _inputs.Skip(1)];
        var outputs = Run(inputs);
        _outputs = outputs[1..];
        return outputs[0];
    }
}
