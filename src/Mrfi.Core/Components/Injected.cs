namespace Mrfi.Core.Components;

/// <summary>Values the engine passes to constructor parameters of well-known types instead of reading them from the config.</summary>
/// <param name="Bits">Bits per value of the tensor a selector works on.</param>
/// <param name="Folder">The config file's folder, for components that resolve paths.</param>
public sealed record Injected(ValueBits Bits, ConfigFolder Folder)
{
    /// <summary>Nothing known.</summary>
    public static Injected None { get; } = new(default(ValueBits), new ConfigFolder(Directory.GetCurrentDirectory()));

    /// <summary>Whether parameters of this type are injected (and hidden from the config).</summary>
    public static bool IsInjectable(Type type) => type == typeof(ValueBits) || type == typeof(ConfigFolder);

    /// <summary>The value for a parameter type, or null.</summary>
    public object? ValueFor(Type type) => type == typeof(ValueBits) ? Bits : type == typeof(ConfigFolder) ? Folder : null;
}
