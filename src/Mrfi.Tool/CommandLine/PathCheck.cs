namespace Mrfi.Tool.CommandLine;

/// <summary>Folder and file placeholders (DIR, FILE) checked against the disk before a command starts: a folder option
/// naming a file, a file option naming a folder, or a path under an existing file can never work.</summary>
internal static class PathCheck
{
    /// <summary>The problem with <paramref name="value"/> for the parameter <paramref name="what"/>, or null.</summary>
    public static string? Problem(string what, string valueName, string value)
    {
        bool folder = valueName is "DIR" or "RESULTS";
        bool file = valueName is "FILE";
        if (!folder && !file) return null;
        string full;
        try
        {
            full = Path.GetFullPath(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{what} '{value}' is not a valid path";
        }
        if (folder && File.Exists(full)) return $"{what} '{value}' is a file; give a folder";
        if (file && Directory.Exists(full)) return $"{what} '{value}' is a folder; give a file name";
        for (string? parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent)) return $"{what} '{value}' lies under '{parent}', which is a file, not a folder";
        return null;
    }
}
