using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary>Says why a state dict does not fit a model: a short list when a few tensors differ, one summary when the file
/// holds another architecture (listing 62 missing tensors one by one hides the cause).</summary>
internal static class WeightMismatch
{
    private const int Listed = 5;

    /// <summary>The problem, or null when every tensor matches by name and shape.</summary>
    public static string? Describe(IReadOnlyDictionary<string, Tensor> expected, IReadOnlyDictionary<string, Tensor> loaded)
    {
        var problems = new List<string>();
        foreach (var key in expected.Keys.Where(k => !loaded.ContainsKey(k)))
            problems.Add($"missing tensor '{key}' (shape {Shape(expected[key])})");
        foreach (var key in loaded.Keys.Where(k => !expected.ContainsKey(k)))
            problems.Add($"unexpected tensor '{key}' (shape {Shape(loaded[key])})");
        foreach (var key in expected.Keys.Where(loaded.ContainsKey).Where(k => !expected[k].shape.SequenceEqual(loaded[k].shape)))
            problems.Add($"tensor '{key}' has shape {Shape(loaded[key])} in the file but the model needs {Shape(expected[key])}");
        if (problems.Count == 0) return null;
        int matching = expected.Keys.Count(k => loaded.TryGetValue(k, out var t) && t.shape.SequenceEqual(expected[k].shape));
        if (matching * 2 < expected.Count)
            return $"{matching} of {expected.Count} tensors match by name and shape; the file looks like another architecture or size: "
                + $"it holds {loaded.Count} tensors under {Groups(loaded.Keys)} (first: {First(loaded)}), the model's are under "
                + $"{Groups(expected.Keys)} "
                + $"(first: {First(expected)}). Check [model] architecture and its size keys (in_channels, num_classes, image_size …)";
        string more = problems.Count > Listed ? $"; and {problems.Count - Listed} more" : "";
        return string.Join("; ", problems.Take(Listed)) + more;
    }

    private static string Shape(Tensor t) => $"[{string.Join(",", t.shape)}]";

    private static string First(IReadOnlyDictionary<string, Tensor> tensors) =>
        tensors.Count == 0 ? "none" : $"'{tensors.First().Key}' {Shape(tensors.First().Value)}";

    /// <summary>The top-level module names (conv1, features, fc …) the keys fall under.</summary>
    private static string Groups(IEnumerable<string> keys)
    {
        var groups = keys.Select(k => k.Split('.')[0]).Distinct().ToList();
        return groups.Count == 0 ? "no names"
            : string.Join(", ", groups.Take(8)) + (groups.Count > 8 ? $" … ({groups.Count} names)" : "");
    }
}
