using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mrfi.Core.Configuration;

/// <summary>Formats config values back as TOML text (for `expand` and `import-yaml`).</summary>
public static partial class TomlText
{
    /// <summary>A key, bare when possible, else quoted.</summary>
    public static string Key(string key) => BareKey().IsMatch(key) ? key : String(key);

    /// <summary>A TOML value: numbers, booleans, strings, arrays and inline tables.</summary>
    public static string Value(object? value) => value switch
    {
        null => "\"\"",
        bool b => b ? "true" : "false",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => Float(d),
        float f => Float(f),
        string s => String(s),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        ConfigValue v => Value(v.Value),
        ConfigTable t => Inline(t.Keys.Select(k => (k, (object?)t.Raw(k)!.Value))),
        IEnumerable<KeyValuePair<string, object?>> pairs => Inline(pairs.Select(p => (p.Key, p.Value))),
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        _ => String(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>An inline table.</summary>
    public static string Inline(IEnumerable<(string Key, object? Value)> pairs) =>
        "{ " + string.Join(", ", pairs.Select(p => $"{Key(p.Key)} = {Value(p.Value)}")) + " }";

    private static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        string text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains('e') ? text : text + ".0";
    }

    private static string String(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex BareKey();
}
