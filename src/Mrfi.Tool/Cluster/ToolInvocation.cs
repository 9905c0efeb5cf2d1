using System.Runtime.InteropServices;

namespace Mrfi.Tool.Cluster;

/// <summary>The command that runs this very tool from a job script: the dotnet host and the tool's own assembly, both as
/// absolute paths, so that an installed tool, a build output and a test host alike give a line that works on every node.</summary>
internal static class ToolInvocation
{
    /// <summary>The host and the assembly, e.g. <c>/usr/share/dotnet/dotnet
    /// /home/u/.dotnet/tools/.store/mrfi/…/dotnet-mrfi.dll</c>.</summary>
    public static IReadOnlyList<string> Command() => [Host(), typeof(MrfiApp).Assembly.Location];

    /// <summary>The dotnet host running this process: the process itself when it is <c>dotnet</c>, else the host beside the
    /// runtime (an apphost such as the installed tool's shim, or a test host, runs on the runtime in DOTNET_ROOT/shared/…).</summary>
    private static string Host()
    {
        string exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } process && Path.GetFileName(process) == exe) return process;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string candidate = Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : exe;
    }
}
