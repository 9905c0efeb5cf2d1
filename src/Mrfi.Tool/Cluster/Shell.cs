namespace Mrfi.Tool.Cluster;

/// <summary>Quoting for the POSIX shell lines written into job scripts.</summary>
internal static class Shell
{
    /// <summary>One word, single-quoted unless it is plainly safe (so that paths with spaces or quotes survive).</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-:=+@%,".Contains(c)) ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Words quoted and joined by spaces.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
