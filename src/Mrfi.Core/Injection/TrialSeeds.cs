namespace Mrfi.Core.Injection;

/// <summary>Derives independent per-trial seeds from the campaign seed (SplitMix64), so any trial can be replayed alone.</summary>
public static class TrialSeeds
{
    /// <summary>The seed of trial <paramref name="trial"/>; non-negative so it survives a signed Parquet column.</summary>
    public static long For(long campaignSeed, long trial)
    {
        ulong z = unchecked((ulong)campaignSeed + 0x9E3779B97F4A7C15UL * (ulong)(trial + 1));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (long)(z & long.MaxValue);
    }

    /// <summary>The seed of one random stream of a trial (or of the campaign): a site of the model (entry, module, tensor)
    /// gets its own stream, so its draws do not depend on what other sites drew before it.</summary>
    public static ulong Stream(long seed, ulong key)
    {
        ulong z = unchecked((ulong)seed ^ (key * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
