namespace Mrfi.Core.Configuration;

/// <summary>The class sub-folders of a <c>[data] format = "folder"</c> root, and the check that <c>[data] classes</c> names
/// them: the config reader checks it where the key was written, the loader reads the same list.</summary>
internal static class ClassFolders
{
    /// <summary>The sub-folders of the root, sorted by name.</summary>
    public static IReadOnlyList<string> Of(FolderDataSpec spec) =>
        [.. Directory.GetDirectories(spec.Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Checks that [data] classes names every sub-folder of root exactly once: a folder left out would silently drop
    /// its images, a name without folder would shift nothing but means a typo or the wrong root.</summary>
    public static void Check(FolderDataSpec spec, SourceLocation at)
    {
        var classes = spec.Classes!;
        var folders = Of(spec);
        if (classes.FirstOrDefault(c => !folders.Contains(c, StringComparer.Ordinal)) is { } missing)
            throw MrfiException.At(at, $"[data] classes: '{missing}' has no sub-folder in {spec.Root}. " +
                $"{NameSuggester.Hint(missing, folders)}");
        if (folders.FirstOrDefault(f => !classes.Contains(f, StringComparer.Ordinal)) is { } extra)
            throw MrfiException.At(at, $"[data] classes: the sub-folder '{extra}' of {spec.Root} is not in the list; add it (its " +
                $"position is its label) or move the folder out of root");
    }
}
