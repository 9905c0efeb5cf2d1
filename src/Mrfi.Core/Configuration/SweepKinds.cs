using System.Text.RegularExpressions;
using Mrfi.Results.Schema;

namespace Mrfi.Core.Configuration;

/// <summary>What each sweep variable varies, read from where the config uses it (<c>ber = "$ber"</c> in a selector, <c>bit =
/// "$b"</c> in an error model, <c>module_name = "$layer"</c>): manifest.json records it so that the report does not guess
/// from the variable's name. Which key gives which kind is in docs/results.md.</summary>
internal static partial class SweepKinds
{
    /// <summary>Each sweep variable's <see cref="SweepKind"/>, in [sweep] order. A variable used in several places takes the
    /// first of its kinds in <see cref="SweepKind.All"/>; one used nowhere is a label (text) or a value (numbers).</summary>
    public static IReadOnlyDictionary<string, string> Of(MrfiConfig config)
    {
        var text = config.Sweep.Where(v => v.IsText).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var found = config.Sweep.ToDictionary(v => v.Name, _ => new List<string>(), StringComparer.Ordinal);
        void Add(string reference, Func<string, string> kind)
        {
            foreach (Match m in Reference().Matches(reference))
                if (found.TryGetValue(m.Groups[1].Value, out var kinds))
                    kinds.Add(text.Contains(m.Groups[1].Value) ? SweepKind.Label : kind(m.Groups[1].Value));
        }
        foreach (var entry in config.Faults)
        {
            var modules = entry.Modules;
            foreach (var pattern in modules.Names.Concat(modules.Types).Concat(modules.FullNames).Concat(modules.Exclude))
                Add(pattern, _ => SweepKind.Layer);
            if (entry.EnabledReference?.Value is string enabled) Add(enabled, _ => SweepKind.Switch);
            foreach (var table in new[] { entry.Quantization, entry.Selector, entry.ErrorModel }.OfType<ConfigTable>()) Scan(table, Add);
        }
        foreach (var observer in config.Observers) Scan(observer.Table, Add);
        return config.Sweep.ToDictionary(v => v.Name,
            v => found[v.Name].OrderBy(k => SweepKind.All.ToList().IndexOf(k)).FirstOrDefault()
                ?? (v.IsText ? SweepKind.Label : SweepKind.Value));
    }

    /// <summary>Every string of a component table (nested tables and arrays included) with the kind its key gives.</summary>
    private static void Scan(ConfigTable table, Action<string, Func<string, string>> add)
    {
        foreach (var (key, value) in table.Entries) Visit(key, value.Value, null, add);
    }

    private static void Visit(string key, object value, (int Index, int Count)? element, Action<string, Func<string, string>> add)
    {
        switch (value)
        {
            case string s: add(s, _ => KindOf(key, element)); break;
            case ConfigTable t: Scan(t, add); break;
            case IReadOnlyList<ConfigValue> items:
                for (int i = 0; i < items.Count; i++) Visit(key, items[i].Value, (i, items.Count), add);
                break;
        }
    }

    /// <summary>The kind a component argument gives the variable it names; <paramref name="element"/> is its place in an array.</summary>
    private static string KindOf(string key, (int Index, int Count)? element) => key switch
    {
        "ber" => SweepKind.Ber,
        "rate" => SweepKind.Rate,
        _ when key.EndsWith("_rate", StringComparison.Ordinal) => SweepKind.Rate,
        "bit" => SweepKind.Bit,
        "channel" or "out_channel" or "in_channel" => SweepKind.Channel,
        // pixel = [h, w]: the row, then the column; one number is a flat index.
        "pixel" => element switch { (0, 2) => SweepKind.PixelY, (1, 2) => SweepKind.PixelX, _ => SweepKind.Pixel },
        "height" => SweepKind.PixelY,
        "width" => SweepKind.PixelX,
        "n" => SweepKind.Count,
        _ => SweepKind.Value,
    };

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Reference();
}
