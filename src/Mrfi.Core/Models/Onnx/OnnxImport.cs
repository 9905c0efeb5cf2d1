using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>The ONNX importer as the command line sees it: load a file outside a config, list the operators.</summary>
public static class OnnxImport
{
    /// <summary>The supported operators with their opset ranges (<c>7–17</c>), sorted by op type.</summary>
    public static IReadOnlyList<(string OpType, string Opsets)> Operators =>
        [.. OnnxOperatorRegistry.Operators.GroupBy(o => o.OpType).Select(g => (g.Key, string.Join(", ", g.Select(o => o.Range))))];

    /// <summary>The opsets mrfi reads, as text.</summary>
    public static string Opsets => $"{OnnxOperatorRegistry.MinOpset} to {OnnxOperatorRegistry.MaxOpset}";

    /// <summary>Each graph output of <paramref name="model"/> for <paramref name="input"/> (a batch as the model's forward takes
    /// it): name, shape and element type in graph order, each on its own rather than packed side by side as the forward returns
    /// several; empty for a model that is not an imported ONNX graph.</summary>
    public static IReadOnlyList<(string Name, long[] Shape, ScalarType Type)> Outputs(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        if (model is not OnnxGraphModule graph) return [];
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var outputs = graph.Run(graph.PackedInputs is { } packed ? Data.InputPacking.Unpack(input, packed) : [input]);
        return [.. graph.OutputNames.Zip(outputs, (name, o) => (name, o.shape, o.dtype))];
    }

    /// <summary>Loads <paramref name="path"/> in eval mode with one zero input of batch 1, or throws a <see cref="MrfiException"/>
    /// naming <paramref name="what"/> (how the user gave the path).</summary>
    public static (nn.Module<Tensor, Tensor> Model, Tensor Input, string Title) LoadWithInput(string path, string what)
    {
        OnnxGraphModule graph;
        try
        {
            graph = OnnxGraphBuilder.Load(path);
        }
        catch (OnnxNodeException e)
        {
            throw new MrfiException($"{what}: {e.Message}");
        }
        graph.eval();
        if (graph.PackedInputs is { } packed)
            return (graph, zeros([1, packed.Sum(i => i.Size)], Data.InputPacking.Type),
                $"{Path.GetFileName(path)} (ONNX, {graph.Steps.Count} nodes), inputs " +
                $"{string.Join(", ", packed.Select(i => $"{i.Name} [1,{string.Join(",", i.SampleShape)}]"))} (zeros)");
        long[] shape = [1, .. graph.Input.SampleShape.Select(d => Math.Max(d, 1))];
        return (graph, zeros(shape, graph.Input.Type),
            $"{Path.GetFileName(path)} (ONNX, {graph.Steps.Count} nodes), one input of shape [{string.Join(",", shape)}]");
    }
}
