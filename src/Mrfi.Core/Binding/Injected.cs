namespace Mrfi.Core.Binding;

/// <summary>Values the engine passes to constructor parameters of well-known types instead of reading them from the config.</summary>
/// <param name="Bits">Bits per value of the tensor a selector works on.</param>
public sealed record Injected(ValueBits Bits)
{
    /// <summary>Nothing known.</summary>
    public static Injected None { get; } = new(default(ValueBits));

    /// <summary>Whether parameters of this type are injected (and hidden from the config).</summary>
    public static bool IsInjectable(Type type) => type == typeof(ValueBits);

    /// <summary>The value for a parameter type, or null.</summary>
    public object? ValueFor(Type type) => type == typeof(ValueBits) ? Bits : null;
}
