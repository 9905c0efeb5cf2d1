using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>[data] format = "npz" or "safetensors" for a model with several inputs: maps the file's tensors to the
/// model's inputs ([data] inputs in input order, or by the inputs' own names), checks each one's per-sample shape and
/// values, and packs them with <see cref="InputPacking"/> into the one tensor per batch the engine feeds.</summary>
internal static class PackedTensorData
{
    /// <summary>The first <c>Keep</c> of the <c>N</c> samples, packed [Keep, Σ k_i]: every problem is one error at <c>[data]
    /// file</c>.</summary>
    public static (Tensor Packed, (long N, long Keep) Samples) Select(TensorDataSpec spec, SortedDictionary<string, Tensor> tensors,
        IReadOnlyList<PackedInput> model, string? labelName, long limit)
    {
        string wanted = string.Join(", ", model.Select(i => $"'{i.Name}' {i.ShapeText} {i.Type}"));
        IReadOnlyList<string> names = spec.Inputs.Count > 0 ? spec.Inputs : [.. model.Select(i => i.Name)];
        if (names.Count != model.Count)
            throw Error(spec, $"[data] inputs names {names.Count} tensors but the model takes {model.Count} inputs ({wanted}); list one " +
                $"tensor per model input, in that order");
        var picked = new Tensor[model.Count];
        for (int i = 0; i < model.Count; i++)
        {
            if (names[i] == labelName || !tensors.TryGetValue(names[i], out var t))
                throw Error(spec, $"{spec.File} has no input tensor '{names[i]}' for the model's input '{model[i].Name}'; it holds " +
                    $"{TensorData.Holds(tensors)}{(spec.Inputs.Count == 0
                        ? "; name the file's tensors in the model's input order with [data] inputs = [...]" : "")}");
            if (t.dim() != model[i].SampleShape.Length + 1 || !t.shape.AsSpan(1).SequenceEqual(model[i].SampleShape))
                throw Error(spec, $"tensor '{names[i]}' has shape [{string.Join(", ", t.shape)}], but the model's input " +
                    $"'{model[i].Name}' takes samples of shape {model[i].ShapeText}: it must be [N, " +
                    $"{string.Join(", ", model[i].SampleShape)}]");
            if (i > 0 && t.shape[0] != picked[0].shape[0])
                throw Error(spec, $"tensor '{names[i]}' holds {t.shape[0]} samples but '{names[0]}' holds {picked[0].shape[0]}; every " +
                    $"input needs the same samples");
            picked[i] = t;
        }
        long n = picked[0].shape[0];
        if (n < 1) throw Error(spec, $"tensor '{names[0]}' holds no sample");
        long keep = limit > 0 ? Math.Min(limit, n) : n;
        using var scope = NewDisposeScope();
        var typed = new Tensor[model.Count];
        for (int i = 0; i < model.Count; i++)
        {
            var part = picked[i].narrow(0, 0, keep);
            if (!InputPacking.Fits(part, model[i].Type))
                throw Error(spec, $"tensor '{names[i]}' ({picked[i].dtype}) holds values that {model[i].Type}, the type of the model's " +
                    $"input '{model[i].Name}', cannot hold exactly (or integers beyond ±2^53); write the tensor as {model[i].Type} with " +
                    $"values it can hold");
            typed[i] = part.to_type(model[i].Type);
        }
        return (InputPacking.Pack(typed).DetachFromDisposeScope(), (n, keep));
    }

    private static MrfiException Error(TensorDataSpec spec, string message) => MrfiException.At(spec.Location, $"[data] file: {message}");
}
