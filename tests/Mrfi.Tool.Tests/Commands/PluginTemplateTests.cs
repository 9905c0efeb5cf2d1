using System.Diagnostics;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>`dotnet new mrfi-plugin` produces a plugin that builds against the packed Mrfi.Abstractions and that a config can
/// use.</summary>
[TestClass]
public sealed class PluginTemplateTests
{
    private static void Dotnet(string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.IsTrue(process.WaitForExit(TimeSpan.FromMinutes(4)), $"dotnet {arguments} timed out");
        Assert.AreEqual(0, process.ExitCode, $"dotnet {arguments}\n{output.Result}\n{errors.Result}");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Template_plugin_builds_small_and_runs_in_a_config()
    {
        string work = Repo.TempFolder("template");
        string feed = Path.Combine(work, "feed");
        string hive = Path.Combine(work, "hive");
        string project = Path.Combine(work, "MyFaults");
        Dotnet($"pack \"{Path.Combine(Repo.Root, "src", "Mrfi.Abstractions")}\" -c Release --no-build -o \"{feed}\"", Repo.Root);
        Dotnet($"new install \"{Path.Combine(Repo.Root, "templates", "mrfi-plugin")}\" --debug:custom-hive \"{hive}\"", work);
        Dotnet($"new mrfi-plugin -n MyFaults -o \"{project}\" --debug:custom-hive \"{hive}\"", work);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="mrfi" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // A fresh packages folder for the just-packed Mrfi.Abstractions, so that an older copy in the global cache is never used.
        Dotnet($"build -c Release -p:RestorePackagesPath=\"{Path.Combine(work, "packages")}\" " +
            $"-p:RestoreAdditionalProjectFallbackFolders=\"{Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")}\"", project);

        string output = Path.Combine(project, "bin", "Release", "net10.0");
        string dll = Path.Combine(output, "Mrfi.Plugins.MyFaults.dll");
        Assert.IsTrue(File.Exists(dll));
        long bytes = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.IsLessThan(1_000_000L, bytes, "no TorchSharp natives in the plugin's output");

        string config = Cli.Config($"plugins = [\"{dll}\"]\n" + Cli.Small
            .Replace("quantization = { method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }\n", "",
                StringComparison.Ordinal)
            .Replace("{ method = \"IntRandomBitFlip\", bit_width = 8 }", "{ method = \"ScaleBy\", factor = 0 }", StringComparison.Ordinal)
            .Replace("rate = \"$ber * 8\"", "ber = \"$ber\"", StringComparison.Ordinal));
        var result = Cli.Run("run", config, "--out", Path.Combine(work, "out"));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.IsTrue(File.Exists(Path.Combine(work, "out", "trials.parquet")));
    }
}
