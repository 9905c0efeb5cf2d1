namespace Mrfi;

/// <summary>The folder of the config file, injected by the engine into constructors that take it (never read from the
/// config): plugins resolve relative paths against it.</summary>
/// <param name="Path">Absolute path of the folder.</param>
public readonly record struct ConfigFolder(string Path)
{
    /// <summary>Resolves a path written in the config.</summary>
    public string Resolve(string path) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, path));
}
