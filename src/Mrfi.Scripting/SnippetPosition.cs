using Mrfi.Core;

namespace Mrfi.Scripting;

/// <summary>Finds where the text of a TOML string value starts, so compiler errors point at the right line and column.</summary>
internal static class SnippetPosition
{
    /// <summary>The 1-based line and column of the first character of the string value of <paramref name="key"/> written at
    /// <paramref name="keyAt"/>; falls back to the key's own position when the text is not what it expects.</summary>
    public static (int Line, int Column) Locate(string toml, SourceLocation keyAt, string key)
    {
        var lines = toml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (keyAt.Line < 1 || keyAt.Line > lines.Length) return (keyAt.Line, keyAt.Column);
        int row = keyAt.Line - 1;
        string line = lines[row];
        int at = keyAt.Column - 1;
        // Inline tables give the table's position, not the key's: find the key on the line.
        if (at < 0 || at >= line.Length || !line[at..].StartsWith(key, StringComparison.Ordinal))
        {
            int found = line.IndexOf(key + " ", StringComparison.Ordinal);
            if (found < 0) found = line.IndexOf(key + "=", StringComparison.Ordinal);
            if (found < 0) return (keyAt.Line, Math.Max(1, keyAt.Column));
            at = found;
        }
        int eq = line.IndexOf('=', at);
        if (eq < 0) return (keyAt.Line, keyAt.Column);
        int v = eq + 1;
        while (v < line.Length && line[v] == ' ') v++;
        foreach (var delimiter in new[] { "'''", "\"\"\"" })
        {
            if (!line[v..].StartsWith(delimiter, StringComparison.Ordinal)) continue;
            int after = v + 3;
            // TOML trims a newline right after the opening delimiter.
            return after >= line.Length ? (row + 2, 1) : (row + 1, after + 1);
        }
        return v < line.Length && line[v] is '\'' or '"' ? (row + 1, v + 2) : (row + 1, v + 1);
    }
}
