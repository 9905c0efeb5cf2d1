using System.Globalization;
using System.Text.RegularExpressions;
using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;
using static TorchSharp.torch;

namespace Mrfi.Core.Planning;

/// <summary>Module selectors that name sweep variables (<c>module_name = "$layer"</c>, <c>module_fullname = "features.$i"</c>):
/// the modules an entry faults are matched anew at each sweep point, so that one entry sweeps over layers.</summary>
internal static partial class SweptModules
{
    /// <summary>The modules <paramref name="filter"/> selects at each point of <paramref name="points"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Name, nn.Module Module)>> Match(nn.Module model, ModuleFilter filter,
        IReadOnlyList<SweepValues> points, string what)
    {
        if (!Refers(filter))
        {
            var matched = ModuleMatcher.Match(model, filter, what);
            return [.. points.Select(_ => matched)];
        }
        return [.. points.Select(values => MatchAt(model, filter, values, what))];
    }

    /// <summary>Whether a selector names a sweep variable.</summary>
    public static bool Refers(ModuleFilter filter) =>
        filter.Names.Concat(filter.Types).Concat(filter.FullNames).Concat(filter.Exclude).Any(s => Variable().IsMatch(s));

    private static IReadOnlyList<(string Name, nn.Module Module)> MatchAt(nn.Module model, ModuleFilter filter, SweepValues values,
        string what)
    {
        var at = filter with
        {
            Names = Substitute(filter.Names, values, filter.Location),
            Types = Substitute(filter.Types, values, filter.Location),
            FullNames = Substitute(filter.FullNames, values, filter.Location),
            Exclude = Substitute(filter.Exclude, values, filter.Location),
        };
        return ModuleMatcher.Match(model, at, $"{what} at {values.Describe()}");
    }

    private static IReadOnlyList<string> Substitute(IReadOnlyList<string> patterns, SweepValues values, SourceLocation location) =>
        [.. patterns.Select(p => Variable().Replace(p, m => Value(m.Groups[1].Value, p, values, location)))];

    private static string Value(string name, string pattern, SweepValues values, SourceLocation location) => values.Get(name) switch
    {
        string text => text,
        double number => number.ToString("G17", CultureInfo.InvariantCulture),
        _ => throw MrfiException.At(location,
            $"module selector \"{pattern}\" names ${name}, which is no sweep variable. {NameSuggester.Hint(name, values.Names)}"),
    };

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
