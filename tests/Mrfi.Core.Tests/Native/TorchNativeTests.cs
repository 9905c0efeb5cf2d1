using System.Diagnostics;
using Mrfi.Core.Native;
using TorchSharp;

namespace Mrfi.Core.Tests.Native;

[TestClass]
public sealed class TorchNativeTests
{
    private static string OriginalLibrary => Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    [TestMethod]
    public void Torch_runs_and_no_cpu_fallback_folder_appears_beside_the_binaries()
    {
        using var t = torch.ones(3).add(1);
        Assert.AreEqual(6.0, t.sum().item<float>(), 1e-6);
        Assert.IsFalse(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "cpu")),
            "TorchSharp's fallback copied natives into cpu/: the native fix did not take");
    }

    [TestMethod]
    public void Patch_is_applied_exactly_when_the_system_libstdcxx_lacks_a_needed_version()
    {
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(OriginalLibrary))
            .Where(n => n.File.StartsWith("libstdc++", StringComparison.Ordinal)).Select(n => n.Name).ToList();
        string? lib = SystemLibraries.FindLibStdCxx();
        Assert.IsNotNull(lib);
        string system = File.ReadAllText(lib!, System.Text.Encoding.Latin1);
        var missing = needs.Where(n => !system.Contains(n + "\0", StringComparison.Ordinal)).ToList();

        var setup = TorchNative.Setup;
        string maps = File.ReadAllText("/proc/self/maps");
        if (missing.Count == 0)
        {
            Assert.IsFalse(setup.Patched, setup.Reason);
        }
        else
        {
            Assert.IsTrue(setup.Patched, setup.Reason);
            CollectionAssert.AreEquivalent(missing, setup.WeakenedVersions.ToList());
            Assert.Contains(setup.PatchedPath!, maps, "the patched copy is the libLibTorchSharp.so mapped into this process");
        }
    }

    [TestMethod]
    public void Marking_a_version_weak_is_seen_by_readelf()
    {
        string folder = Repo.TempFolder("elf");
        string copy = Path.Combine(folder, "lib.so");
        var bytes = File.ReadAllBytes(OriginalLibrary);
        int changed = ElfVersionNeeds.MarkWeak(bytes, new HashSet<string> { "GLIBCXX_3.4.30" });
        File.WriteAllBytes(copy, bytes);

        Assert.AreEqual(1, changed);
        string readelf = Run("readelf", $"-V {copy}");
        var line = readelf.Split('\n').Single(l => l.Contains("Name: GLIBCXX_3.4.30", StringComparison.Ordinal));
        StringAssert.Contains(line, "Flags: WEAK");
        var other = readelf.Split('\n').Single(l => l.Contains("Name: GLIBCXX_3.4.29", StringComparison.Ordinal));
        StringAssert.Contains(other, "Flags: none");
        Directory.Delete(folder, true);
    }

    [TestMethod]
    public void Version_needs_match_readelf()
    {
        string readelf = Run("readelf", $"-V {OriginalLibrary}");
        var fromReadelf = readelf.Split('\n')
            .Where(l => l.Contains("Name: ", StringComparison.Ordinal) && l.Contains("Flags:", StringComparison.Ordinal)
                && !l.Contains("Rev:", StringComparison.Ordinal))
            .Select(l => l.Split("Name: ")[1].Split(' ')[0]).ToList();
        var ours = ElfVersionNeeds.Read(File.ReadAllBytes(OriginalLibrary)).Select(n => n.Name).ToList();
        CollectionAssert.AreEqual(fromReadelf, ours);
    }

    private static string Run(string file, string args)
    {
        if (!File.Exists("/usr/bin/" + file)) Assert.Inconclusive($"{file} (binutils) is not installed; it is only the independent check");
        var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.AreEqual(0, p.ExitCode, $"{file} {args} failed");
        return output;
    }
}
