using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>Chooses the <see cref="IOutputComparison"/> for [model] output from the model's first output.</summary>
internal static class OutputComparisons
{
    /// <summary>auto: a 2-D [N, C] output with labels is scored as classes, any other as a tensor; classes is refused for an
    /// output that is not [N, C] or data without labels. Several outputs (<paramref name="outputs"/>: their names and
    /// elements per sample, packed in <paramref name="output"/>) are always a tensor, each output scored on its own.</summary>
    public static IOutputComparison Resolve(ModelSection model, Tensor output, bool hasLabels,
        IReadOnlyList<(string Name, long Size)>? outputs = null)
    {
        if (outputs is { Count: > 1 })
        {
            // The ONNX source refuses output = "classes" for several outputs when the model loads; this is the engine's guard.
            if (model.Output == OutputKind.Classes)
                throw MrfiException.At(model.OutputLocation,
                    $"[model] output = \"classes\" needs one [N, classes] output, but the model has {outputs.Count}; use output = " +
                    $"\"tensor\"");
            return new TensorComparison(model.Tolerance, outputs);
        }
        bool scores = output.dim() == 2 && output.shape[1] >= 1 && output.is_floating_point();
        if (output.dim() == 0)
            throw MrfiException.At(model.OutputLocation,
                "the model's output is a single number, not one value per sample [N, …]; mrfi compares outputs sample by sample");
        return model.Output switch
        {
            OutputKind.Classes when !scores => throw MrfiException.At(model.OutputLocation,
                $"[model] output = \"classes\" needs [N, classes] floating-point scores, but the model returns " +
                $"[{string.Join(",", output.shape)}] {output.dtype}; use output = \"tensor\""),
            OutputKind.Classes when !hasLabels => throw MrfiException.At(model.OutputLocation,
                "[model] output = \"classes\" needs labels, but [data] has none; add a labels tensor to the data file or use output = " +
                "\"tensor\""),
            OutputKind.Classes => new ClassificationComparison(),
            OutputKind.Auto when scores && hasLabels => new ClassificationComparison(),
            _ => new TensorComparison(model.Tolerance),
        };
    }
}
