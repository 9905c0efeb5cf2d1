namespace Mrfi.Core.Campaigns;

/// <summary>One of <see cref="Count"/> deterministic slices of a campaign: trial t belongs to shard t mod Count.</summary>
/// <param name="Index">This shard, 0-based.</param>
/// <param name="Count">Number of shards.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Whether trial <paramref name="trial"/> is this shard's.</summary>
    public bool Includes(long trial) => trial % Count == Index;

    /// <summary>"K-of-N", used in part file names.</summary>
    public string Tag => $"{Index}-of-{Count}";

    /// <summary>Parses "K/N" (0 ≤ K &lt; N).</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int k) && int.TryParse(parts[1], out int n) && n >= 1 && k >= 0 && k < n)
            return new Shard(k, n);
        throw new MrfiException($"--shard {text}: write K/N with 0 ≤ K < N, e.g. --shard 0/4");
    }
}
