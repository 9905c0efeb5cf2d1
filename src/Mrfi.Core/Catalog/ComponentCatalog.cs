using System.Reflection;
using Mrfi.Core.Models;

namespace Mrfi.Core.Catalog;

/// <summary>Maps config names (<c>method = "..."</c>) to component types, per kind.</summary>
public sealed class ComponentCatalog
{
    private readonly Dictionary<ComponentKind, Dictionary<string, Type>> _byKind = [];
    private readonly Dictionary<ComponentKind, List<string>> _canonical = [];

    /// <summary>The built-in components of Mrfi.Core.</summary>
    public static ComponentCatalog BuiltIn { get; } = FromAssemblies(typeof(ComponentCatalog).Assembly);

    /// <summary>Scans assemblies for public, non-abstract component types.</summary>
    public static ComponentCatalog FromAssemblies(params Assembly[] assemblies)
    {
        var catalog = new ComponentCatalog();
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.IsAbstract || type.IsInterface || type.GetConstructors().Length == 0) continue;
            foreach (var kind in KindsOf(type)) catalog.Add(kind, type);
        }
        return catalog;
    }

    /// <summary>Registers a type under its config name and aliases.</summary>
    public void Add(ComponentKind kind, Type type)
    {
        var attribute = type.GetCustomAttribute<MrfiComponentAttribute>();
        string name = attribute?.Name ?? StripSuffix(type.Name, kind);
        var names = _byKind.TryGetValue(kind, out var n) ? n : _byKind[kind] = new(StringComparer.OrdinalIgnoreCase);
        var canonical = _canonical.TryGetValue(kind, out var c) ? c : _canonical[kind] = [];
        if (names.TryGetValue(name, out var existing) && existing != type)
            throw new InvalidOperationException($"two {kind} components are named '{name}': {existing.FullName} and {type.FullName}");
        names[name] = type;
        canonical.Add(name);
        foreach (var alias in attribute?.Aliases ?? []) names[alias] = type;
    }

    /// <summary>The canonical names of one kind, sorted.</summary>
    public IReadOnlyList<string> Names(ComponentKind kind) =>
        _canonical.TryGetValue(kind, out var c) ? [.. c.Order(StringComparer.OrdinalIgnoreCase)] : [];

    /// <summary>Finds a component type by name or alias (case-insensitive).</summary>
    public bool TryFind(ComponentKind kind, string name, out Type type)
    {
        type = null!;
        return _byKind.TryGetValue(kind, out var names) && names.TryGetValue(name, out type!);
    }

    private static IEnumerable<ComponentKind> KindsOf(Type type)
    {
        if (typeof(IQuantizer).IsAssignableFrom(type)) yield return ComponentKind.Quantizer;
        if (typeof(ISelector).IsAssignableFrom(type)) yield return ComponentKind.Selector;
        if (typeof(IErrorModel).IsAssignableFrom(type)) yield return ComponentKind.ErrorModel;
        if (typeof(IObserver).IsAssignableFrom(type)) yield return ComponentKind.Observer;
        if (typeof(IImageClassifier).IsAssignableFrom(type)) yield return ComponentKind.Model;
    }

    private static string StripSuffix(string name, ComponentKind kind)
    {
        string suffix = kind.ToString();
        return name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : name;
    }
}
