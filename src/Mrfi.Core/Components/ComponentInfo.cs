using System.Globalization;
using System.Reflection;
using Mrfi.Core.Quantizers;

namespace Mrfi.Core.Components;

/// <summary>What `dotnet mrfi list` and docs/components.md say about one component: name, aliases, summary, constructor
/// parameters.</summary>
/// <param name="Kind">The extension point.</param>
/// <param name="Name">The config name.</param>
/// <param name="Aliases">Other accepted names.</param>
/// <param name="Summary">One line.</param>
/// <param name="Parameters">Config keys with type and default.</param>
public sealed record ComponentInfo(ComponentKind Kind, string Name, IReadOnlyList<string> Aliases, string Summary,
    IReadOnlyList<ParameterInfoText> Parameters)
{
    /// <summary>"builtin", a plugin's name, or "inline".</summary>
    public string Origin { get; init; } = ComponentCatalog.BuiltInOrigin;

    /// <summary>Describes a component type from its attribute and its largest public constructor.</summary>
    public static ComponentInfo Of(ComponentKind kind, string name, Type type)
    {
        var attribute = type.GetCustomAttribute<MrfiComponentAttribute>();
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = ctor.GetParameters()
            .Where(p => !Injected.IsInjectable(p.ParameterType))
            .Select(p => new ParameterInfoText(ComponentActivator.SnakeCase(p.Name!), TypeText(p.ParameterType),
                p.HasDefaultValue ? DefaultText(p.DefaultValue) : null))
            .ToList();
        return new ComponentInfo(kind, name, attribute?.Aliases ?? [], attribute?.Summary ?? "", parameters);
    }

    private static string TypeText(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        if (u == typeof(int) || u == typeof(long)) return "integer";
        if (u == typeof(double) || u == typeof(float)) return "number";
        if (u == typeof(bool)) return "boolean";
        if (u == typeof(string)) return "string";
        if (u == typeof(DynamicRange)) return "number or \"auto\"";
        if (u == typeof(long[][])) return "list, or list of lists";
        if (u.IsArray) return $"{TypeText(u.GetElementType()!)} or list";
        return u.Name;
    }

    private static string DefaultText(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        string s => $"\"{s}\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
