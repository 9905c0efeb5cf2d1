using System.Reflection;
using TorchSharp;

namespace Mrfi.Core.Native;

/// <summary>Which Torch backend this build carries and what it finds on the machine, for <c>--version</c> and device errors.</summary>
public static class BackendInfo
{
    /// <summary>The MSBuild property MrfiBackend this assembly was built with: "cpu" or "cuda".</summary>
    public static string Backend { get; } =
        typeof(BackendInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "MrfiBackend")?.Value
            ?? "cpu";

    /// <summary>Whether the build references TorchSharp's CUDA package rather than TorchSharp-cpu.</summary>
    public static bool IsCudaBuild => Backend == "cuda";

    /// <summary>The TorchSharp package version, e.g. 0.107.0.</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The libtorch version that TorchSharp loaded, e.g. 2.10.0.</summary>
    public static string LibTorchVersion => torch.__version__;

    /// <summary>The devices a campaign can use here: cpu, then cuda:0 … when the CUDA backend finds GPUs.</summary>
    public static IReadOnlyList<string> Devices()
    {
        var devices = new List<string> { "cpu" };
        if (torch.cuda.is_available())
            for (int i = 0; i < torch.cuda.device_count(); i++) devices.Add($"cuda:{i}");
        return devices;
    }
}
