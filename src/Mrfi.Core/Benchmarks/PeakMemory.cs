namespace Mrfi.Core.Benchmarks;

/// <summary>Peak resident set size of this process over a piece of work, from Linux's VmHWM (reset through
/// /proc/self/clear_refs).</summary>
public static class PeakMemory
{
    /// <summary>Whether the peak can be reset and read here (Linux 4.0+).</summary>
    public static bool Available => File.Exists("/proc/self/status") && File.Exists("/proc/self/clear_refs");

    /// <summary>Peak RSS in bytes while <paramref name="work"/> ran, or null where the kernel does not allow it.</summary>
    /// <remarks>Resetting sets the peak to the current RSS, so memory an earlier step left mapped (allocator caches) counts
    /// as the floor of the next measurement: run the cheaper step first.</remarks>
    public static long? Measure(Action work)
    {
        if (!Available) return null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        work();
        return Read("VmHWM");
    }

    /// <summary>A /proc/self/status field in bytes.</summary>
    public static long? Read(string field)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var parts = line[(field.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }
}
