namespace Mrfi.Core;

/// <summary>Suggests the closest valid name for a misspelt one ("did you mean").</summary>
public static class NameSuggester
{
    /// <summary>The closest candidate by edit distance (case-insensitive), or null when none is close.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { best = candidate; bestDistance = d; }
        }
        int limit = Math.Max(2, name.Length / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"unknown X 'foo'. Valid: a, b, c. Did you mean 'b'?"-style tail for error messages.</summary>
    public static string Hint(string name, IReadOnlyCollection<string> valid)
    {
        string list = valid.Count == 0 ? "(none)" : string.Join(", ", valid);
        string? closest = Closest(name, valid);
        return closest is null ? $"Valid names: {list}." : $"Did you mean '{closest}'? Valid names: {list}.";
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
