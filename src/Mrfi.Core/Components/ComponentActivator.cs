using System.Reflection;
using System.Text;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Components;

/// <summary>Builds a component from a config table: <c>method</c> names the type, every other key binds to
/// a constructor parameter of the same name (<c>bit_width</c> → <c>bitWidth</c>). The constructor is the schema.</summary>
public sealed class ComponentActivator
{
    private readonly ComponentCatalog _catalog;
    private readonly Injected _defaults;

    /// <summary>Creates an activator over a catalog; <paramref name="defaults"/> are injected where a call gives none.</summary>
    public ComponentActivator(ComponentCatalog catalog, Injected? defaults = null, IInlineComponents? inline = null)
    {
        _catalog = catalog;
        _defaults = defaults ?? Injected.None;
        _inline = inline;
    }

    private readonly IInlineComponents? _inline;

    /// <summary>The catalog components come from.</summary>
    public ComponentCatalog Catalog => _catalog;

    /// <summary>The values injected by default.</summary>
    public Injected Defaults => _defaults;

    /// <summary>Resolves the type that <paramref name="method"/> (the value of <paramref name="methodKey"/>) names, with a "did
    /// you mean" error when unknown.</summary>
    private Type Resolve(ComponentKind kind, ConfigTable table, string methodKey, string method)
    {
        string? problem = _catalog.Find(kind, method, out var type);
        if (problem is null) return type;
        if (problem != "unknown") throw MrfiException.At(table.LocationOf(methodKey), $"{table.Describe(methodKey)}: {problem}");
        var valid = _catalog.Names(kind);
        throw MrfiException.At(table.LocationOf(methodKey),
            $"{table.Describe(methodKey)}: unknown {Describe(kind)} '{method}'. {NameSuggester.Hint(method, valid)}");
    }

    /// <summary>The component's name: the table's <paramref name="methodKey"/>, or the text of the sweep variable it refers
    /// to (<c>method = "$selector"</c>), so that a campaign can sweep over components by name.</summary>
    private static string MethodName(ConfigTable table, string methodKey, SweepValues sweep)
    {
        string method = table.RequiredString(methodKey);
        if (!SweepExpression.Looks(method)) return method;
        return SweepExpression.Evaluate(method, sweep, new ValueOrigin(table.Describe(methodKey), table.LocationOf(methodKey))) as string
            ?? throw MrfiException.At(table.LocationOf(methodKey),
                $"{table.Describe(methodKey)}: '{method}' is a number; a component's name comes from a text variable (selector = " +
                $"[\"RandomPositionByRate\", \"FixedRandomPosition\"])");
    }

    /// <summary>Creates the component named by the table, binding all keys except <paramref name="reserved"/> to constructor
    /// parameters.</summary>
    public T Create<T>(ComponentKind kind, ConfigTable table, SweepValues sweep, string methodKey = "method", params string[] reserved)
        where T : class => Create<T>(kind, table, sweep, _defaults, methodKey, reserved);

    /// <summary>As <see cref="Create{T}(ComponentKind, ConfigTable, SweepValues, string, string[])"/>, with
    /// engine-provided values for parameters of well-known types (e.g. <see cref="ValueBits"/>); those are never read from the
    /// config.</summary>
    public T Create<T>(ComponentKind kind, ConfigTable table, SweepValues sweep, Injected injected, string methodKey = "method",
        params string[] reserved)
        where T : class
    {
        if (!table.Has(methodKey) && (table.Has("code") || table.Has("quantize")))
        {
            if (_inline is null)
                throw MrfiException.At(table.LocationOf("code"),
                    $"{table.Describe("code")}: inline C# is not available here (it needs Mrfi.Scripting, which `dotnet mrfi` has)");
            return _inline.Create(kind, table) as T
                ?? throw MrfiException.At(table.LocationOf("code"),
                    $"{table.Describe("code")}: the snippet does not make a {Describe(kind)}");
        }
        string method = MethodName(table, methodKey, sweep);
        var type = Resolve(kind, table, methodKey, method);
        var args = table.Keys.Where(k => k != methodKey && !reserved.Contains(k)).Select(k => table.Raw(k)!).ToList();
        return (T)Construct(type, method, table, args, sweep, injected, [methodKey, .. reserved]);
    }

    private static object Construct(Type type, string method, ConfigTable table, IReadOnlyList<ConfigValue> args, SweepValues sweep,
        Injected injected, IReadOnlyList<string> reserved)
    {
        var ctors = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).ToList();
        var best = ctors.FirstOrDefault(c => Fits(c, args)) ?? ctors[0];
        var parameters = best.GetParameters().Where(p => !Injected.IsInjectable(p.ParameterType)).ToArray();
        var byName = parameters.ToDictionary(p => Normalize(p.Name!), p => p);

        foreach (var arg in args)
        {
            string key = LastSegment(arg.Key);
            if (!byName.ContainsKey(Normalize(key)))
            {
                var valid = parameters.Select(p => SnakeCase(p.Name!)).ToList();
                // Suggest the table's own keys too (weights, layerwise, position...), which are not constructor arguments.
                string? closest = NameSuggester.Closest(key, [.. valid, .. reserved]);
                string takes = valid.Count == 0 ? $"{method} takes no arguments." : $"{method} takes: {string.Join(", ", valid)}.";
                string hint = closest is null ? takes : $"Did you mean '{closest}'? {takes}";
                throw MrfiException.At(arg.Location, $"{table.Describe(key)}: {method} has no argument '{key}'. {hint}");
            }
        }

        var all = best.GetParameters();
        var values = new object?[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            var p = all[i];
            if (Injected.IsInjectable(p.ParameterType))
            {
                values[i] = injected.ValueFor(p.ParameterType)
                    ?? (p.HasDefaultValue ? p.DefaultValue : Activator.CreateInstance(p.ParameterType));
                continue;
            }
            var arg = args.FirstOrDefault(a => Normalize(LastSegment(a.Key)) == Normalize(p.Name!));
            if (arg is null)
            {
                if (!p.HasDefaultValue)
                    throw MrfiException.At(table.Location,
                        $"[{table.Path}] {method} needs '{SnakeCase(p.Name!)}' ({Signature(parameters)})");
                values[i] = p.DefaultValue;
                continue;
            }
            values[i] = ArgumentConverter.Convert(arg, p.ParameterType, sweep);
        }

        try
        {
            return best.Invoke(values);
        }
        catch (TargetInvocationException e) when (e.InnerException is MrfiException inner)
        {
            throw inner;
        }
        catch (TargetInvocationException e) when (e.InnerException is not (ArgumentException or FormatException)
            && e.InnerException is not null)
        {
            // A constructor that fails for another reason (a plugin's bug, a missing file) is still the config's problem to report.
            throw MrfiException.At(table.Location,
                $"{method} ({type.Assembly.GetName().Name}) failed to start: {e.InnerException.GetType().Name}: " +
                $"{e.InnerException.Message}");
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException or FormatException)
        {
            var inner = e.InnerException!;
            var culprit = inner is ArgumentException ae && ae.ParamName is { } pn
                ? args.FirstOrDefault(a => Normalize(LastSegment(a.Key)) == Normalize(pn)) : null;
            string message = inner.Message.Split(" (Parameter", 2)[0].Split(Environment.NewLine)[0];
            throw MrfiException.At(culprit?.Location ?? table.Location, $"{method}: {message}");
        }
    }

    private static bool Fits(ConstructorInfo ctor, IReadOnlyList<ConfigValue> args)
    {
        var configurable = ctor.GetParameters().Where(p => !Injected.IsInjectable(p.ParameterType)).ToList();
        var names = configurable.Select(p => Normalize(p.Name!)).ToHashSet();
        var given = args.Select(a => Normalize(LastSegment(a.Key))).ToHashSet();
        return given.IsSubsetOf(names) && configurable.All(p => p.HasDefaultValue || given.Contains(Normalize(p.Name!)));
    }

    private static string Signature(ParameterInfo[] ps) =>
        string.Join(", ", ps.Select(p => p.HasDefaultValue ? $"{SnakeCase(p.Name!)} = {Format(p.DefaultValue)}" : SnakeCase(p.Name!)));

    private static string Format(object? v) =>
        v switch { null => "none", bool b => b ? "true" : "false", string s => $"\"{s}\"",
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "" };

    internal static string LastSegment(string key) => key[(key.LastIndexOf('.') + 1)..];

    internal static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>bitWidth → bit_width.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    internal static string Describe(ComponentKind kind) => kind switch
    {
        ComponentKind.ErrorModel => "error model",
        ComponentKind.Model => "model architecture",
        ComponentKind.Dataset => "data format",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
