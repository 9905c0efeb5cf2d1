namespace Mrfi.Plugins;

/// <summary>A plugin assembly that was loaded: its name (the origin of its components), file and component count.</summary>
/// <param name="Name">Plugin name.</param>
/// <param name="Path">Assembly file.</param>
/// <param name="Components">Components it added.</param>
/// <param name="LoadMilliseconds">Time to create the loader and load the assembly.</param>
public sealed record LoadedPlugin(string Name, string Path, int Components, double LoadMilliseconds);
