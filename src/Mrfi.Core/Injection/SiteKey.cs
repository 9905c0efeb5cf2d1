namespace Mrfi.Core.Injection;

/// <summary>A stable 64-bit hash (FNV-1a) of a site's name: string.GetHashCode changes from process to process.</summary>
internal static class SiteKey
{
    public static ulong Hash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text) hash = unchecked((hash ^ c) * 1099511628211UL);
        return hash;
    }
}
