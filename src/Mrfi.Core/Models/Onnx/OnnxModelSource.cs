using Mrfi.Core.Data;

namespace Mrfi.Core.Models.Onnx;

/// <summary><c>[model] onnx = "model.onnx"</c>: an ONNX graph imported as one TorchSharp module per node. Weights, input
/// shape and type come from the file; every problem is one error at the <c>onnx</c> key.</summary>
internal sealed class OnnxModelSource : IModelSource
{
    /// <inheritdoc />
    public string Key => "onnx";

    /// <inheritdoc />
    public string Route => "onnx = \"model.onnx\" (a model exported to ONNX from PyTorch, Keras, …: see docs/models.md)";

    /// <inheritdoc />
    public LoadedModel Load(ModelRequest request)
    {
        var table = request.Config.Model.Table;
        string file = table.RequiredString("onnx");
        // output and tolerance say how the outputs are scored, which the file does not say; every other key would be ignored.
        foreach (var key in table.Keys.Where(k => k != "onnx" && !Configuration.ModelOutputReader.Keys.Contains(k)))
            throw MrfiException.At(table.LocationOf(key),
                $"[model] {key} does not apply to an ONNX model (its weights and input shape are in the file); remove it");
        string path = request.Resolve(file);
        OnnxGraphModule graph;
        try
        {
            graph = OnnxGraphBuilder.Load(path);
        }
        catch (OnnxNodeException e)
        {
            throw MrfiException.At(table.LocationOf("onnx"), $"[model] onnx: {file}: {e.Message}");
        }
        if (graph.InputSpecs.FirstOrDefault(i => i.Shape.Length == 0 || i.SampleShape.Any(d => d < 0)) is { } input)
        {
            graph.Dispose();
            throw MrfiException.At(table.LocationOf("onnx"),
                $"[model] onnx: {file}: graph input '{input.Name}' has shape {input.Text}; mrfi needs a fixed size on every axis but the " +
                $"first (the batch): re-export with a fixed input size");
        }
        var data = request.Config.Data;
        if (graph.PackedInputs is { } several && data.Format is not ("npz" or "safetensors"))
        {
            graph.Dispose();
            throw MrfiException.At(data.KeyLocations.GetValueOrDefault("format", data.Location),
                $"[data] format = \"{data.Format}\" gives one image tensor, but {file} takes {several.Count} inputs " +
                $"({string.Join(", ", several.Select(i => $"'{i.Name}' {i.ShapeText} {i.Type}"))}); write them to an .npz or " +
                $".safetensors file, one tensor per input, and use format = \"npz\" or \"safetensors\"");
        }
        if (graph.OutputSpecs.Count > 1 && request.Config.Model.Output == Configuration.OutputKind.Classes)
        {
            graph.Dispose();
            throw MrfiException.At(request.Config.Model.OutputLocation,
                $"[model] output = \"classes\" needs one [N, classes] output, but {file} has {graph.OutputNames.Count} " +
                $"({string.Join(", ", graph.OutputNames.Select(n => $"'{n}'"))}); every output is compared with the golden outputs as a " +
                $"tensor: use output = \"tensor\" or remove the key");
        }
        graph.eval();
        var output = graph.OutputSpecs is [{ Shape.Length: 2 }] ? ModelOutputKind.Classes : ModelOutputKind.Tensors;
        // Several inputs come packed into one float64 row per sample (see InputPacking).
        return graph.PackedInputs is { } packed
            ? new LoadedModel(graph, Path.GetFileName(file), [packed.Sum(i => i.Size)], InputPacking.Type, output)
            : new LoadedModel(graph, Path.GetFileName(file), graph.Input.SampleShape, graph.Input.Type, output);
    }
}
