namespace Mrfi;

/// <summary>Marks an assembly as an mrfi plugin: its public quantizers, selectors, error models, observers, models and
/// datasets become available to configs that load it.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class MrfiPluginAttribute : Attribute
{
    /// <summary>Marks the assembly with an optional display name (default: the assembly name).</summary>
    public MrfiPluginAttribute(string? name = null) => Name = name;

    /// <summary>The plugin's name in messages and in qualified component names (<c>plugin/Component</c>).</summary>
    public string? Name { get; }
}
