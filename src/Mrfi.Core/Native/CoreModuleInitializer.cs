using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Mrfi.Core.Native;

/// <summary>Runs the native fix as soon as Mrfi.Core is loaded, so every host (tool, tests, library users) gets it.</summary>
internal static class CoreModuleInitializer
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255",
        Justification = "TorchSharp must find the patched native library before its static constructor runs, whoever the host is.")]
    internal static void Initialize() => TorchNative.EnsureLoaded();
}
