using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>Turns an ONNX model into an <see cref="OnnxGraphModule"/>: every problem (a file that is no model, an opset,
/// operator, attribute or dtype outside what is supported) is an <see cref="OnnxNodeException"/> at load, never later.</summary>
internal static class OnnxGraphBuilder
{
    /// <summary>Reads and builds <paramref name="path"/>; external data is looked up next to it.</summary>
    public static OnnxGraphModule Load(string path)
    {
        if (!File.Exists(path)) throw new OnnxNodeException("the file does not exist");
        var model = OnnxTensors.TryParse(File.ReadAllBytes(path));
        if (model?.Graph is null || model.Graph.Node.Count == 0)
            throw new OnnxNodeException("the file is not a readable ONNX model (truncated or corrupt, or not ONNX at all): it holds no " +
                "graph");
        return Build(model, Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Builds a parsed model. <paramref name="bound"/> turns graph inputs into constants (the conformance tests
    /// bind every input but the first, as a model's weights would be).</summary>
    public static OnnxGraphModule Build(ModelProto model, string baseDir, string name, IReadOnlyDictionary<string, Tensor>? bound = null)
    {
        int opset = Opset(model);
        // TorchSharp layers draw initial weights that the file's then replace: keep those draws off torch's global generator.
        using var rng = torch.get_rng_state();
        try
        {
            return Build(model.Graph, opset, baseDir, name, bound);
        }
        finally
        {
            torch.set_rng_state(rng);
        }
    }

    private static OnnxGraphModule Build(GraphProto graph, int opset, string baseDir, string name,
        IReadOnlyDictionary<string, Tensor>? bound)
    {
        var constants = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var parts = new List<OnnxStep>();
        try
        {
            foreach (var init in graph.Initializer) constants[init.Name] = OnnxTensors.ToTensor(init, baseDir);
            foreach (var (value, tensor) in bound ?? new Dictionary<string, Tensor>()) constants[value] = tensor.clone();
            var inputs = graph.Input.Where(i => !constants.ContainsKey(i.Name)).Select(i => Spec(i, required: true)).ToList();
            if (inputs.Count == 0) throw new OnnxNodeException("the graph has no input that is not an initializer");
            var sites = OnnxSiteNames.Display([.. graph.Node.Select(n => (n.Name, n.OpType))]);
            for (int i = 0; i < graph.Node.Count; i++)
            {
                var node = graph.Node[i];
                if (Fold(node, opset, constants, sites[i])) continue;
                parts.Add(Step(node, sites[i], opset, constants));
            }
            foreach (var output in graph.Output.Where(o => !constants.ContainsKey(o.Name) && !parts.Any(p => p.Outputs.Contains(o.Name))
                && !inputs.Any(i => i.Name == o.Name)))
                throw new OnnxNodeException($"graph output '{output.Name}' is computed by no node");
            // What runs reads them: every input of an OnnxNode, only input 0 of a plain module (its weights are its own copies).
            var used = parts.SelectMany(p => p.Module is OnnxNode ? p.Inputs : p.Inputs.Take(1)).Concat(graph.Output.Select(o => o.Name))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var unused in constants.Keys.Where(k => !used.Contains(k)).ToList())
            {
                constants[unused].Dispose();
                constants.Remove(unused);
            }
            return new OnnxGraphModule(name.Length == 0 ? "OnnxGraph" : name.Replace('.', '_'),
                new OnnxGraphParts(parts, constants, inputs, [.. graph.Output.Select(o => Spec(o, required: false))]));
        }
        catch
        {
            foreach (var t in constants.Values) t.Dispose();
            foreach (var p in parts) p.Module.Dispose();
            throw;
        }
    }

    /// <summary>The model's default-domain opset, checked against the supported range.</summary>
    public static int Opset(ModelProto model)
    {
        var import = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")
            ?? throw new OnnxNodeException("the model imports no opset of the default ONNX domain");
        if (import.Version < OnnxOperatorRegistry.MinOpset || import.Version > OnnxOperatorRegistry.MaxOpset)
            throw new OnnxNodeException($"the model uses opset {import.Version}; mrfi reads opsets {OnnxOperatorRegistry.MinOpset} to " +
                $"{OnnxOperatorRegistry.MaxOpset} (re-export with opset_version={OnnxOperatorRegistry.MaxOpset} or lower)");
        return (int)import.Version;
    }

    // Constant nodes and Identity of a constant become constants (initializers): no module, no site.
    private static bool Fold(NodeProto node, int opset, Dictionary<string, Tensor> constants, string site)
    {
        if (node.Domain is not ("" or "ai.onnx")) return false;
        if (node.OpType == "Constant")
        {
            var context = new OnnxNodeContext(node, site, opset, _ => null);
            constants[node.Output[0]] = Guard(node, site, opset, () => Operators.ConstantConverter.Value(context));
            Check(context, node, site, opset);
            return true;
        }
        if (node.OpType == "Identity" && node.Input.Count == 1 && constants.TryGetValue(node.Input[0], out var value))
        {
            constants[node.Output[0]] = value.alias();
            return true;
        }
        return false;
    }

    private static OnnxStep Step(NodeProto node, string site, int opset, Dictionary<string, Tensor> constants)
    {
        if (node.Domain is not ("" or "ai.onnx"))
            throw new OnnxNodeException($"{Describe(node, site, opset)}: operators of domain '{node.Domain}' are not supported. " +
                $"Supported operators (opsets): {OnnxOperatorRegistry.Summary()}");
        var converter = OnnxOperatorRegistry.Find(node.OpType, opset) ?? throw new OnnxNodeException(
            $"{Describe(node, site, opset)}: {(OnnxOperatorRegistry.Knows(node.OpType)
                ? $"{node.OpType} is supported only at other opsets" : $"operator {node.OpType} is not supported")}. " +
            $"Supported operators (opsets): {OnnxOperatorRegistry.Summary()}");
        var context = new OnnxNodeContext(node, site, opset, n => constants.GetValueOrDefault(n));
        var module = Guard(node, site, opset, () => converter.Convert(context));
        try
        {
            Check(context, node, site, opset);
        }
        catch
        {
            module.Dispose();
            throw;
        }
        // A plain module reads its first listed input; an embedding's is the indices, its table being its weight.
        string[] inputs = module is Operators.EmbeddingNode ? [node.Input[Operators.EmbeddingNode.IndicesInput]] : [.. node.Input];
        return new OnnxStep(site, node.OpType, module, inputs, [.. node.Output]);
    }

    private static void Check(OnnxNodeContext context, NodeProto node, string site, int opset)
    {
        if (context.Unread.FirstOrDefault() is { } attribute)
            throw new OnnxNodeException($"{Describe(node, site, opset)}: attribute '{attribute}' is not supported");
    }

    private static T Guard<T>(NodeProto node, string site, int opset, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (OnnxNodeException e)
        {
            throw new OnnxNodeException($"{Describe(node, site, opset)}: {e.Message}");
        }
    }

    private static string Describe(NodeProto node, string site, int opset) =>
        $"node '{site}'{(node.Name.Length > 0 && node.Name != site ? $" ('{node.Name}')" : "")} ({node.OpType}, opset {opset})";

    // Inputs must be tensors of a supported type; outputs are described as far as the file says.
    private static OnnxValueSpec Spec(ValueInfoProto value, bool required)
    {
        var tensor = value.Type?.TensorType;
        if (tensor is null && !required) return new OnnxValueSpec(value.Name, [], ScalarType.Float32);
        if (tensor is null) throw new OnnxNodeException($"graph input '{value.Name}' is not a tensor");
        var type = OnnxTensors.TypeOf(tensor.ElemType);
        if (type is null && !required) type = ScalarType.Float32;
        if (type is null)
            throw new OnnxNodeException($"graph input '{value.Name}' has data type {OnnxTensors.NameOf(tensor.ElemType)}, which mrfi " +
                $"does not support");
        long[] shape = tensor.Shape is null ? [] : [.. tensor.Shape.Dim.Select(d => d.HasDimValue ? d.DimValue : -1)];
        return new OnnxValueSpec(value.Name, shape, type.Value);
    }
}
