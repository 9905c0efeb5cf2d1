namespace Mrfi.Core.Native;

/// <summary>The outcome of <see cref="TorchNative.EnsureLoaded"/>.</summary>
/// <param name="Patched">Whether a patched copy of libLibTorchSharp.so was preloaded.</param>
/// <param name="PatchedPath">The patched copy's path, when one was used.</param>
/// <param name="WeakenedVersions">The version needs that were marked weak.</param>
/// <param name="Reason">Why this was (or was not) done.</param>
public sealed record NativeSetup(bool Patched, string? PatchedPath, IReadOnlyList<string> WeakenedVersions, string Reason)
{
    internal static NativeSetup NotNeeded(string reason) => new(false, null, [], reason);
}
