using System.Reflection;

namespace Mrfi.Core.Components;

/// <summary>Maps config names (<c>method = "..."</c>) to component types, per kind, remembering where each came from
/// (built-in or a plugin). A name defined by two origins must be written qualified: <c>"origin/Name"</c>.</summary>
public sealed class ComponentCatalog
{
    /// <summary>The origin of Mrfi.Core's own components.</summary>
    public const string BuiltInOrigin = "builtin";

    private readonly List<ComponentEntry> _entries = [];

    /// <summary>The built-in components of Mrfi.Core (a fresh copy each time, so callers can add plugins to it).</summary>
    public static ComponentCatalog BuiltIn => FromAssembly(typeof(ComponentCatalog).Assembly, BuiltInOrigin);

    /// <summary>Every registered component.</summary>
    public IReadOnlyList<ComponentEntry> Entries => _entries;

    /// <summary>Scans an assembly for public, non-abstract component types.</summary>
    public static ComponentCatalog FromAssembly(Assembly assembly, string origin)
    {
        var catalog = new ComponentCatalog();
        catalog.AddAssembly(assembly, origin);
        return catalog;
    }

    /// <summary>Adds every public component type of <paramref name="assembly"/>; returns how many were added.</summary>
    public int AddAssembly(Assembly assembly, string origin)
    {
        int added = 0;
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.IsAbstract || type.IsInterface || type.GetConstructors().Length == 0) continue;
            foreach (var kind in KindsOf(type))
            {
                Add(kind, type, origin);
                added++;
            }
        }
        return added;
    }

    /// <summary>Registers a type under its config name and aliases.</summary>
    public void Add(ComponentKind kind, Type type, string origin = BuiltInOrigin)
    {
        var attribute = type.GetCustomAttribute<MrfiComponentAttribute>();
        string name = attribute?.Name ?? StripSuffix(type.Name, kind);
        if (_entries.Any(e => e.Kind == kind && e.Origin == origin && e.Names.Contains(name, StringComparer.OrdinalIgnoreCase)
            && e.Type != type))
            throw new InvalidOperationException($"two {kind} components of {origin} are named '{name}'");
        _entries.Add(new ComponentEntry(kind, name, [name, .. attribute?.Aliases ?? []], type, origin));
    }

    /// <summary>The canonical names of one kind, sorted; names defined by several origins are listed qualified.</summary>
    public IReadOnlyList<string> Names(ComponentKind kind)
    {
        var ofKind = _entries.Where(e => e.Kind == kind).ToList();
        return [.. ofKind.Select(e => ofKind.Count(o => o.Name.Equals(e.Name, StringComparison.OrdinalIgnoreCase)) > 1
            ? $"{e.Origin}/{e.Name}" : e.Name)
            .Distinct().Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Finds a component type by name or alias (case-insensitive), optionally qualified as <c>origin/Name</c>.</summary>
    public bool TryFind(ComponentKind kind, string name, out Type type) => Find(kind, name, out type) is null && type is not null;

    /// <summary>Finds a component; returns null when found, else why not (unknown, or ambiguous between origins).</summary>
    public string? Find(ComponentKind kind, string name, out Type type)
    {
        type = null!;
        string? origin = null;
        int slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0) (origin, name) = (name[..slash], name[(slash + 1)..]);
        var matches = _entries.Where(e => e.Kind == kind && e.Names.Contains(name, StringComparer.OrdinalIgnoreCase)
            && (origin is null || e.Origin.Equals(origin, StringComparison.OrdinalIgnoreCase))).ToList();
        if (matches.Count == 1) { type = matches[0].Type; return null; }
        if (matches.Count == 0) return "unknown";
        return $"'{name}' is defined by {string.Join(" and ", matches.Select(m => m.Origin))}; write " +
            $"\"{matches[0].Origin}/{matches[0].Name}\" or \"{matches[1].Origin}/{matches[1].Name}\" to choose";
    }

    /// <summary>The entry of a type, for its origin.</summary>
    public ComponentEntry? EntryOf(ComponentKind kind, Type type) => _entries.FirstOrDefault(e => e.Kind == kind && e.Type == type);

    private static IEnumerable<ComponentKind> KindsOf(Type type)
    {
        if (typeof(IQuantizer).IsAssignableFrom(type)) yield return ComponentKind.Quantizer;
        if (typeof(ISelector).IsAssignableFrom(type)) yield return ComponentKind.Selector;
        if (typeof(IErrorModel).IsAssignableFrom(type)) yield return ComponentKind.ErrorModel;
        if (typeof(IObserver).IsAssignableFrom(type)) yield return ComponentKind.Observer;
        if (typeof(IImageClassifier).IsAssignableFrom(type)) yield return ComponentKind.Model;
        if (typeof(IDataset).IsAssignableFrom(type)) yield return ComponentKind.Dataset;
    }

    private static string StripSuffix(string name, ComponentKind kind)
    {
        string suffix = kind.ToString();
        return name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : name;
    }
}
