using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Mrfi.Core.Native;

/// <summary>Makes TorchSharp's native library loadable on systems whose libstdc++ is older than
/// the one it was built against (Debian 12 lacks GLIBCXX_3.4.32).</summary>
/// <remarks>
/// TorchSharp's own loader ignores DllImport resolvers and, when its first load fails, copies
/// ~480 MB of natives into <c>&lt;app&gt;/cpu/</c>. So before the first TorchSharp call we copy
/// <c>libLibTorchSharp.so</c> to a cache folder, mark the version needs the system lacks as weak,
/// and preload libtorch and the patched copy; TorchSharp's later load by name then finds it.
/// Where the system libstdc++ has every needed version this does nothing.
/// </remarks>
public static class TorchNative
{
    private static readonly Lock Gate = new();
    private static NativeSetup? Prepared;

    /// <summary>What <see cref="EnsureLoaded"/> did; for logs and tests.</summary>
    public static NativeSetup Setup
    {
        get { EnsureLoaded(); return Prepared!; }
    }

    /// <summary>Prepares native loading once per process; call before any TorchSharp use.</summary>
    public static void EnsureLoaded()
    {
        if (Prepared is not null) return;
        lock (Gate)
        {
            Prepared ??= Prepare();
        }
    }

    private static NativeSetup Prepare()
    {
        if (!OperatingSystem.IsLinux()) return NativeSetup.NotNeeded("not Linux");
        string? dir = FindNativeDirectory();
        if (dir is null) return NativeSetup.NotNeeded("libLibTorchSharp.so not found beside the application");

        string original = Path.Combine(dir, "libLibTorchSharp.so");
        byte[] elf = File.ReadAllBytes(original);
        string? libstdcxx = SystemLibraries.FindLibStdCxx();
        byte[] system = libstdcxx is null ? [] : File.ReadAllBytes(libstdcxx);
        var missing = ElfVersionNeeds.Read(elf)
            .Where(n => n.File.StartsWith("libstdc++", StringComparison.Ordinal) && !n.IsWeak)
            .Select(n => n.Name)
            .Where(name => !Contains(system, name))
            .ToHashSet(StringComparer.Ordinal);
        if (missing.Count == 0) return NativeSetup.NotNeeded($"system libstdc++ ({libstdcxx}) is new enough");

        string patched = PatchedCopy(elf, missing);
        foreach (var dep in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
        {
            string path = Path.Combine(dir, dep);
            if (File.Exists(path)) NativeLibrary.Load(path);
        }
        NativeLibrary.Load(patched);
        return new NativeSetup(true, patched, [.. missing.Order(StringComparer.Ordinal)], "patched copy preloaded");
    }

    private static string PatchedCopy(byte[] elf, IReadOnlySet<string> missing)
    {
        string hash = Convert.ToHexString(SHA256.HashData(elf))[..16].ToLowerInvariant();
        try
        {
            return PatchedCopy(elf, missing, Path.Combine(CacheRoot(), hash));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home (containers, CI sandboxes) must not stop the run: fall back to the temp folder.
            return PatchedCopy(elf, missing, Path.Combine(Path.GetTempPath(), $"mrfi-native-{Environment.UserName}", hash));
        }
    }

    private static string PatchedCopy(byte[] elf, IReadOnlySet<string> missing, string folder)
    {
        string target = Path.Combine(folder, "libLibTorchSharp.so");
        if (File.Exists(target) && ElfVersionNeeds.Read(File.ReadAllBytes(target))
                .Where(n => missing.Contains(n.Name)).All(n => n.IsWeak))
            return target;

        Directory.CreateDirectory(folder);
        var copy = (byte[])elf.Clone();
        ElfVersionNeeds.MarkWeak(copy, missing);
        // Write then rename, so concurrent processes (parallel test hosts) never see half a file.
        string temp = Path.Combine(folder, $".libLibTorchSharp.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, copy);
        File.Move(temp, target, overwrite: true);
        return target;
    }

    private static string CacheRoot()
    {
        string? env = Environment.GetEnvironmentVariable("MRFI_NATIVE_CACHE");
        if (!string.IsNullOrEmpty(env)) return env;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string root = !string.IsNullOrEmpty(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return Path.Combine(root, "mrfi", "native");
    }

    private static string? FindNativeDirectory()
    {
        var roots = new List<string> { AppContext.BaseDirectory };
        string? torchDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location);
        if (!string.IsNullOrEmpty(torchDir)) roots.Add(torchDir);
        string? own = Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location);
        if (!string.IsNullOrEmpty(own)) roots.Add(own);
        foreach (var root in roots.Distinct())
        {
            foreach (var dir in new[] { root, Path.Combine(root, "runtimes", "linux-x64", "native") })
            {
                if (File.Exists(Path.Combine(dir, "libLibTorchSharp.so"))) return dir;
            }
        }
        return null;
    }

    private static bool Contains(byte[] haystack, string version)
    {
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        return haystack.AsSpan().IndexOf(needle) >= 0;
    }
}
