using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace Mrfi.Results.Parquet;

/// <summary>Which keys two config texts set differently (<c>run.seed</c>, <c>fault_inject[1].selector.rate</c>), so that
/// a folder of another campaign can say what differs instead of only that its hash does.</summary>
internal static class ConfigKeyDiff
{
    /// <summary>The keys whose values differ, are added or are removed, in order; empty when either text does not parse.</summary>
    public static IReadOnlyList<string> Keys(string before, string after)
    {
        var (a, b) = (Flatten(before), Flatten(after));
        if (a is null || b is null) return [];
        return [.. a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, string>? Flatten(string text)
    {
        try
        {
            var model = TomlSerializer.Deserialize<TomlTable>(text);
            if (model is null) return null;
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            Add(keys, "", model);
            return keys;
        }
        catch (Exception e) when (e is TomlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static void Add(Dictionary<string, string> keys, string path, object? value)
    {
        switch (value)
        {
            case TomlTable table:
                foreach (var (k, v) in table) Add(keys, path.Length == 0 ? k : $"{path}.{k}", v);
                break;
            case TomlTableArray tables:
                for (int i = 0; i < tables.Count; i++) Add(keys, $"{path}[{i}]", tables[i]);
                break;
            default:
                keys[path] = Text(value);
                break;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        TomlArray a => "[" + string.Join(", ", a.Select(Text)) + "]",
        TomlTable t => "{" + string.Join(", ", t.Select(kv => $"{kv.Key} = {Text(kv.Value)}")) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
