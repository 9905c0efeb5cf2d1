using System.Globalization;
using System.Text.RegularExpressions;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Components;

/// <summary>A config value that refers to a sweep variable: <c>"$ber"</c>, <c>"$ber * 8"</c> or <c>"8 * $ber"</c>.</summary>
public static partial class SweepExpression
{
    /// <summary>Whether a string is meant as a sweep reference (starts with '$' or contains "*$"/"* $").</summary>
    public static bool Looks(string text) => text.TrimStart().StartsWith('$') || text.Contains('$', StringComparison.Ordinal);

    /// <summary>Evaluates the reference against the variables of one sweep point: a number, or the text of a text
    /// variable (which can only stand alone: <c>"$format"</c>).</summary>
    public static object Evaluate(string text, SweepValues variables, ValueOrigin where)
    {
        var m = Pattern().Match(text);
        if (!m.Success)
            throw MrfiException.At(where.Location,
                $"{where.Key}: '{text}' is not a sweep reference; write \"$name\", \"$name * 8\" or \"8 * $name\"");
        string name = m.Groups["v1"].Success ? m.Groups["v1"].Value : m.Groups["v2"].Value;
        string? factor = m.Groups["f1"].Success ? m.Groups["f1"].Value : m.Groups["f2"].Success ? m.Groups["f2"].Value : null;
        if (variables.Texts.TryGetValue(name, out var label))
        {
            if (factor is not null)
                throw MrfiException.At(where.Location,
                    $"{where.Key}: '${name}' is a text variable (\"{label}\"), so it can only stand alone; write \"${name}\"");
            return label;
        }
        if (!variables.TryGetValue(name, out double value))
        {
            string hint = variables.Names.Count == 0 ? "The config has no [sweep] variables." : NameSuggester.Hint(name, variables.Names);
            throw MrfiException.At(where.Location, $"{where.Key}: unknown sweep variable '${name}'. {hint}");
        }
        return factor is null ? value : value * double.Parse(factor, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(
        @"^\s*(?:\$(?<v1>[A-Za-z_][A-Za-z0-9_]*)(?:\s*\*\s*(?<f1>[0-9.eE+-]+))?" +
        @"|(?<f2>[0-9.eE+-]+)\s*\*\s*\$(?<v2>[A-Za-z_][A-Za-z0-9_]*))\s*$")]
    private static partial Regex Pattern();
}
