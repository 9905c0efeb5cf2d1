using System.Globalization;

namespace Mrfi.Core.Configuration;

/// <summary>A TOML table with source locations; remembers which keys were read so that unknown keys
/// (typos) are reported instead of being ignored.</summary>
public sealed class ConfigTable
{
    private readonly Dictionary<string, ConfigValue> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Creates a table.</summary>
    public ConfigTable(string path, SourceLocation location, IEnumerable<KeyValuePair<string, ConfigValue>> values)
    {
        Path = path;
        Location = location;
        _values = new Dictionary<string, ConfigValue>(values, StringComparer.Ordinal);
    }

    /// <summary>The table's dotted path, e.g. <c>run</c> or <c>fault_inject[1]</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Where the table starts (its header or first key).</summary>
    public SourceLocation Location { get; }

    /// <summary>All keys in file order.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The raw value of a key, marking it read.</summary>
    public ConfigValue? Raw(string key)
    {
        _read.Add(key);
        return _values.GetValueOrDefault(key);
    }

    /// <summary>Every key with its value in file order, without marking them read (for a look over the whole table).</summary>
    public IEnumerable<KeyValuePair<string, ConfigValue>> Entries => _values;

    /// <summary>Whether the key is present (does not mark it read).</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>Where a key was written, or the table's location when absent.</summary>
    public SourceLocation LocationOf(string key) => _values.TryGetValue(key, out var v) ? v.Location : Location;

    /// <summary>Name for messages: <c>[run] seed</c>.</summary>
    public string Describe(string key) => Path.Length == 0 ? key : $"[{Path}] {key}";

    /// <summary>Reads an optional string.</summary>
    public string? String(string key) => Raw(key) is { } v ? v.Value as string ?? throw TypeError(v, "a string") : null;

    /// <summary>Reads a required string.</summary>
    public string RequiredString(string key) => String(key) ?? throw Missing(key, "a string");

    /// <summary>Reads an optional integer.</summary>
    public long? Integer(string key) => Raw(key) is { } v ? v.Value is long l ? l : throw TypeError(v, "an integer") : null;

    /// <summary>Reads an optional number (integer or float).</summary>
    public double? Number(string key) =>
        Raw(key) is { } v ? v.Value switch { long l => l, double d => d, _ => throw TypeError(v, "a number") } : null;

    /// <summary>Reads an optional boolean.</summary>
    public bool? Boolean(string key) => Raw(key) is { } v ? v.Value is bool b ? b : throw TypeError(v, "true or false") : null;

    /// <summary>Reads an optional sub-table.</summary>
    public ConfigTable? Table(string key) => Raw(key) is { } v ? v.Value as ConfigTable ?? throw TypeError(v, "a table") : null;

    /// <summary>Reads an array of tables (<c>[[key]]</c>); empty when absent.</summary>
    public IReadOnlyList<ConfigTable> Tables(string key)
    {
        if (Raw(key) is not { } v) return [];
        if (v.Value is not IReadOnlyList<ConfigValue> items) throw TypeError(v, $"an array of tables ([[{key}]])");
        return [.. items.Select(i => i.Value as ConfigTable ?? throw TypeError(i, "a table"))];
    }

    /// <summary>Reads a string or an array of strings; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        if (Raw(key) is not { } v) return [];
        if (v.Value is string s) return [s];
        if (v.Value is IReadOnlyList<ConfigValue> items)
            return [.. items.Select(i => i.Value as string ?? throw TypeError(i, "a string"))];
        throw TypeError(v, "a string or an array of strings");
    }

    /// <summary>Reads a number or an array of numbers; null when absent.</summary>
    public IReadOnlyList<double>? Numbers(string key)
    {
        if (Raw(key) is not { } v) return null;
        if (v.Value is long or double) return [Convert.ToDouble(v.Value, CultureInfo.InvariantCulture)];
        if (v.Value is IReadOnlyList<ConfigValue> items)
            return [.. items.Select(i => i.Value is long or double ? Convert.ToDouble(i.Value, CultureInfo.InvariantCulture)
                : throw TypeError(i, "a number"))];
        throw TypeError(v, "a number or an array of numbers");
    }

    /// <summary>Fails on the first key that nothing read, suggesting the closest valid key.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, value) in _values)
        {
            if (_read.Contains(key)) continue;
            string where = Path.Length == 0 ? "at the top level" : $"in [{Path}]";
            throw MrfiException.At(value.Location,
                $"unknown key '{key}' {where}. {NameSuggester.Hint(key, [.. _read.Order(StringComparer.Ordinal)])}");
        }
    }

    /// <summary>An error for a missing required key.</summary>
    public MrfiException Missing(string key, string what) =>
        MrfiException.At(Location, $"{Describe(key)} is required ({what})");

    /// <summary>An error for a value of the wrong type.</summary>
    public static MrfiException TypeError(ConfigValue value, string expected) =>
        MrfiException.At(value.Location, $"{value.Key} must be {expected}, not {value.TypeName}");
}
