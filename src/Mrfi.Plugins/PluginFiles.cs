using System.Text.RegularExpressions;

namespace Mrfi.Plugins;

/// <summary>Expands plugin paths and globs (<c>*</c> within a folder name, <c>**</c> across folders, <c>~</c> for home).</summary>
internal static class PluginFiles
{
    public static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public static string Absolute(string pattern, string baseFolder)
    {
        if (pattern == "~" || pattern.StartsWith("~/", StringComparison.Ordinal))
            pattern = Path.Combine(Home, pattern.Length > 2 ? pattern[2..] : "");
        return Path.GetFullPath(Path.Combine(baseFolder, pattern));
    }

    /// <summary>Files matching an absolute pattern, sorted.</summary>
    public static IReadOnlyList<string> Expand(string absolutePattern)
    {
        if (absolutePattern.IndexOfAny(['*', '?']) < 0) return File.Exists(absolutePattern) ? [absolutePattern] : [];
        var parts = absolutePattern.Split('/');
        int firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?']) >= 0);
        string root = string.Join('/', parts[..firstWild]);
        if (root.Length == 0) root = "/";
        if (!Directory.Exists(root)) return [];
        var sb = new System.Text.StringBuilder("^");
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "**") { sb.Append("(?:[^/]*/)*"); continue; }   // zero or more folders
            sb.Append(Segment(parts[i]));
            if (i < parts.Length - 1) sb.Append('/');
        }
        var regex = new Regex(sb.Append('$').ToString());
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => regex.IsMatch(f))
            .Order(StringComparer.Ordinal)];
    }

    private static string Segment(string part) =>
        Regex.Escape(part).Replace("\\*", "[^/]*", StringComparison.Ordinal).Replace("\\?", "[^/]", StringComparison.Ordinal);
}
