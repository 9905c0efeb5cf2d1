using Mrfi.Core.Configuration;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>[data] format = "npz" or "safetensors": picks the model's input tensor and the labels from a file of named
/// tensors. Inputs are batched along dimension 0 and fed as stored, except that float64 and float16 become float32 (the
/// models run in float32); integer inputs (token ids) stay integers.</summary>
/// <remarks>The file maps tensor names to graph inputs so that models with several inputs can follow; today the engine
/// feeds one tensor, so a second input is refused with a message saying so.</remarks>
internal static class TensorData
{
    /// <summary>The default name of the labels tensor.</summary>
    public const string DefaultLabels = "labels";

    /// <summary>Loads the input and the labels (all −1 and <see cref="ImageDataset.HasLabels"/> false when the file has none).</summary>
    public static ImageDataset Load(TensorDataSpec spec, string format, long limit)
    {
        SortedDictionary<string, Tensor> tensors;
        try
        {
            tensors = TensorFile.Read(spec.File, format);
        }
        catch (MrfiException e)
        {
            throw MrfiException.At(spec.Location, $"[data] file: {Strip(e.Message)}");
        }
        try
        {
            return Select(spec, tensors, limit);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    private static ImageDataset Select(TensorDataSpec spec, SortedDictionary<string, Tensor> tensors, long limit)
    {
        string names = string.Join(", ", tensors.Select(t => $"'{t.Key}' [{string.Join(", ", t.Value.shape)}] {t.Value.dtype}"));
        string? labelName = spec.Labels ?? (tensors.ContainsKey(DefaultLabels) ? DefaultLabels : null);
        if (labelName is not null && !tensors.ContainsKey(labelName))
            throw Error(spec, $"{spec.File} has no tensor '{labelName}' for [data] labels; it holds {names}");
        var inputs = spec.Inputs.Count > 0 ? spec.Inputs : [.. tensors.Keys.Where(k => k != labelName)];
        if (inputs.Count == 0) throw Error(spec, $"{spec.File} holds only the labels '{labelName}', no input tensor");
        if (inputs.Count > 1)
            throw Error(spec, $"{spec.File} holds {inputs.Count} input tensors ({string.Join(", ", inputs.Select(i => $"'{i}'"))}), but mrfi feeds one input tensor to the model so far; models with several inputs are not supported yet. Name the model's one input with [data] inputs = [\"{inputs[0]}\"]");
        if (!tensors.TryGetValue(inputs[0], out var input))
            throw Error(spec, $"{spec.File} has no tensor '{inputs[0]}' for [data] inputs; it holds {names}");
        if (input.dim() < 1 || input.shape[0] < 1)
            throw Error(spec, $"tensor '{inputs[0]}' has shape [{string.Join(", ", input.shape)}]; an input needs one sample per row of dimension 0, [N, …]");
        long n = input.shape[0];
        Tensor? labels = labelName is null ? null : tensors[labelName];
        if (labels is not null)
        {
            if (labels.dim() != 1 || labels.shape[0] != n)
                throw Error(spec, $"labels '{labelName}' have shape [{string.Join(", ", labels.shape)}] but the input '{inputs[0]}' holds {n} samples; labels must be [{n}]");
            if (labels.is_floating_point() || labels.dtype == ScalarType.Bool)
                throw Error(spec, $"labels '{labelName}' are {labels.dtype}; labels must be integer class indices (int64, int32 or uint8)");
        }
        long keep = limit > 0 ? Math.Min(limit, n) : n;
        using var scope = NewDisposeScope();
        var x = input.narrow(0, 0, keep);
        x = x.dtype is ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16 ? x.to_type(ScalarType.Float32) : x.clone();
        var y = labels is null ? full(keep, -1L) : labels.narrow(0, 0, keep).to_type(ScalarType.Int64).clone();
        return new ImageDataset(x.DetachFromDisposeScope(), y.DetachFromDisposeScope()) { HasLabels = labels is not null };
    }

    private static MrfiException Error(TensorDataSpec spec, string message) => MrfiException.At(spec.Location, $"[data] file: {message}");

    /// <summary>A loader's message without its leading "error: ", to go behind a location.</summary>
    private static string Strip(string message) => message.StartsWith("error: ", StringComparison.Ordinal) ? message[7..] : message;
}
