using Mrfi.Core.Configuration;
using Mrfi.Core.Data;

namespace Mrfi.Tool.Commands;

/// <summary>The class → label map that `validate` and `plan` print, so that a label order the model does not share is seen
/// before a campaign runs.</summary>
internal static class ClassOrder
{
    /// <summary>"classes: 0 = t-shirt, 1 = trouser, …" with where the order comes from; null when the data name no classes.</summary>
    public static string? Describe(DataSection data)
    {
        if (DatasetLoader.ClassNames(data) is not { Count: > 0 } names) return null;
        string map = string.Join(", ", names.Select((n, i) => $"{i} = {n}"));
        string from = data.Classes is not null ? "from [data] classes"
            : "folder names in alphabetical order; if the model was trained with another order, list them in [data] classes";
        return $"classes (label = name): {map} ({from})";
    }
}
