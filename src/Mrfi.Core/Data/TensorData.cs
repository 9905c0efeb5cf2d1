using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>[data] format = "npz" or "safetensors": picks the model's input tensor and the labels from a file of named
/// tensors. Inputs are batched along dimension 0 and fed as stored, except that float64 and float16 become float32 (the
/// models run in float32); integer inputs (token ids) stay integers.</summary>
/// <remarks>A model with several inputs (<see cref="IPackedInputs"/>) gets them packed into one tensor per batch by
/// <see cref="PackedTensorData"/>; a model with one input gets that tensor as stored.</remarks>
internal static class TensorData
{
    /// <summary>The default name of the labels tensor.</summary>
    public const string DefaultLabels = "labels";

    /// <summary>Loads the input and the labels (all −1 and <see cref="ImageDataset.HasLabels"/> false when the file has none).</summary>
    /// <param name="spec">The [data] keys.</param>
    /// <param name="format">"npz" or "safetensors".</param>
    /// <param name="limit">At most this many samples; 0 = all.</param>
    /// <param name="model">The model's inputs when it takes several; null for one input.</param>
    public static ImageDataset Load(TensorDataSpec spec, string format, long limit, IReadOnlyList<PackedInput>? model = null)
    {
        SortedDictionary<string, Tensor> tensors;
        try
        {
            tensors = TensorFile.Read(spec.File, format);
        }
        catch (MrfiException e)
        {
            throw new MrfiException([.. e.Diagnostics.Select(d => d with { Location = spec.Location, Key = "[data] file" })], e);
        }
        try
        {
            return model is { Count: > 1 } ? SelectPacked(spec, tensors, model, limit) : Select(spec, tensors, limit);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    private static ImageDataset SelectPacked(TensorDataSpec spec, SortedDictionary<string, Tensor> tensors,
        IReadOnlyList<PackedInput> model, long limit)
    {
        string? labelName = LabelName(spec, tensors);
        var (packed, samples) = PackedTensorData.Select(spec, tensors, model, labelName, limit);
        try
        {
            var y = Labels(spec, labelName is null ? null : tensors[labelName], labelName, samples, model[0].Name);
            return new ImageDataset(packed, y) { HasLabels = labelName is not null };
        }
        catch
        {
            packed.Dispose();
            throw;
        }
    }

    private static ImageDataset Select(TensorDataSpec spec, SortedDictionary<string, Tensor> tensors, long limit)
    {
        string names = Holds(tensors);
        string? labelName = LabelName(spec, tensors);
        var inputs = spec.Inputs.Count > 0 ? spec.Inputs : [.. tensors.Keys.Where(k => k != labelName)];
        if (inputs.Count == 0) throw Error(spec, $"{spec.File} holds only the labels '{labelName}', no input tensor");
        if (inputs.Count > 1)
            throw Error(spec, $"{spec.File} holds {inputs.Count} input tensors ({string.Join(", ", inputs.Select(i => $"'{i}'"))}), but " +
                $"the model takes one input. Name it with [data] inputs = [\"{inputs[0]}\"]");
        if (!tensors.TryGetValue(inputs[0], out var input))
            throw Error(spec, $"{spec.File} has no tensor '{inputs[0]}' for [data] inputs; it holds {names}");
        if (input.dim() < 1 || input.shape[0] < 1)
            throw Error(spec, $"tensor '{inputs[0]}' has shape [{string.Join(", ", input.shape)}]; an input needs one sample per row of " +
                $"dimension 0, [N, …]");
        long n = input.shape[0];
        long keep = limit > 0 ? Math.Min(limit, n) : n;
        var y = Labels(spec, labelName is null ? null : tensors[labelName], labelName, (n, keep), inputs[0]);
        using var scope = NewDisposeScope();
        var x = input.narrow(0, 0, keep);
        x = x.dtype is ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16 ? x.to_type(ScalarType.Float32) : x.clone();
        return new ImageDataset(x.DetachFromDisposeScope(), y) { HasLabels = labelName is not null };
    }

    /// <summary>[data] labels, or "labels" when the file has such a tensor, or null; a named tensor that is missing is an error.</summary>
    private static string? LabelName(TensorDataSpec spec, SortedDictionary<string, Tensor> tensors)
    {
        string? labelName = spec.Labels ?? (tensors.ContainsKey(DefaultLabels) ? DefaultLabels : null);
        if (labelName is not null && !tensors.ContainsKey(labelName))
            throw Error(spec, $"{spec.File} has no tensor '{labelName}' for [data] labels; it holds {Holds(tensors)}");
        return labelName;
    }

    /// <summary>The first <c>Keep</c> labels as int64 (all −1 without labels), checked against the input's <c>N</c> samples.</summary>
    private static Tensor Labels(TensorDataSpec spec, Tensor? labels, string? labelName, (long N, long Keep) samples, string input)
    {
        var (n, keep) = samples;
        if (labels is null) return full(keep, -1L);
        if (labels.dim() != 1 || labels.shape[0] != n)
            throw Error(spec, $"labels '{labelName}' have shape [{string.Join(", ", labels.shape)}] but the input '{input}' holds {n} " +
                $"samples; labels must be [{n}]");
        if (labels.is_floating_point() || labels.dtype == ScalarType.Bool)
            throw Error(spec, $"labels '{labelName}' are {labels.dtype}; labels must be integer class indices (int64, int32 or uint8)");
        return labels.narrow(0, 0, keep).to_type(ScalarType.Int64).clone();
    }

    /// <summary>The file's tensors with shape and type, for messages.</summary>
    internal static string Holds(SortedDictionary<string, Tensor> tensors) =>
        string.Join(", ", tensors.Select(t => $"'{t.Key}' [{string.Join(", ", t.Value.shape)}] {t.Value.dtype}"));

    private static MrfiException Error(TensorDataSpec spec, string message) => MrfiException.At(spec.Location, $"[data] file: {message}");
}
