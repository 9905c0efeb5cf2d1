namespace Mrfi.Core.Native;

/// <summary>Finds the libstdc++ the dynamic loader will use.</summary>
internal static class SystemLibraries
{
    private static readonly string[] Candidates =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
    ];

    public static string? FindLibStdCxx()
    {
        // The one already mapped into this process wins: that is the copy the loader will bind to.
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && line.Contains("libstdc++.so", StringComparison.Ordinal)) return line[slash..].Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Candidates.FirstOrDefault(File.Exists);
    }
}
