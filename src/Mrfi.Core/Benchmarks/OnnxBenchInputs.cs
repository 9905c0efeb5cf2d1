using Mrfi.Core.Data;
using Mrfi.Core.Models.Onnx;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>The inputs of an ONNX graph that takes several (token ids, masks) for <c>bench --onnx</c>: the engine packs
/// them into one tensor per batch (see <see cref="InputPacking"/>) only from an .npz or .safetensors file, so bench
/// writes one when the user gives none.</summary>
public static class OnnxBenchInputs
{
    /// <summary>The graph's inputs as "name [shape] type" when it takes several, else null; a <see cref="MrfiException"/>
    /// naming <paramref name="what"/> when the file does not load.</summary>
    public static IReadOnlyList<string>? Several(string path, string what)
    {
        try
        {
            using var graph = OnnxGraphBuilder.Load(path);
            return graph.PackedInputs?.Select(i => $"{i.Name} {i.ShapeText} {i.Type}").ToList();
        }
        catch (OnnxNodeException e)
        {
            throw new MrfiException($"error: {what}: {e.Message}");
        }
    }

    /// <summary>Writes <paramref name="samples"/> samples of every input of the graph at <paramref name="path"/> to the
    /// safetensors <paramref name="file"/>, named as the inputs: seeded uniform noise in [0, 1) for float inputs, zeros
    /// (a valid token id, type and index into any table) for integer and bool ones.</summary>
    public static void WriteDefaults(string path, string file, int samples)
    {
        using var graph = OnnxGraphBuilder.Load(path);
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(1);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var input in graph.PackedInputs ?? [])
        {
            long[] shape = [samples, .. input.SampleShape];
            tensors[input.Name] = input.Type is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16
                ? torch.rand(shape, generator: generator).to_type(input.Type)
                : torch.zeros(shape, input.Type);
        }
        Safetensors.SaveStateDict(file, tensors);
    }
}
