namespace Mrfi.Core.Configuration;

/// <summary>The values of <c>[data] format</c> that mrfi reads itself; any other names a plugin's dataset.</summary>
public static class DataFormats
{
    /// <summary>The built-in formats, as written in the config.</summary>
    public static readonly string[] BuiltIn = ["idx", "cifar10", "synthetic", "folder", "npz", "safetensors"];
}
