using Mrfi.Results.Schema;

namespace Mrfi.Core.Configuration;

/// <summary>Reads the [sweep] table of <c>mrfi.toml</c> (part of <see cref="ConfigReader"/>).</summary>
internal static class SweepReader
{
    /// <summary>The [sweep] variables, the repeats per point and whether the variables zip (else every combination);
    /// a variable named like a results column is refused at its line.</summary>
    public static (IReadOnlyList<SweepVariable> Variables, int Repeats, bool Zip) Read(ConfigTable? t)
    {
        if (t is null) return ([], 1, false);
        long repeats = t.Integer("repeats") ?? 1;
        if (repeats is < 1 or > 1_000_000) throw MrfiException.At(t.LocationOf("repeats"), "[sweep] repeats must be a positive integer");
        var vars = new List<SweepVariable>();
        string mode = t.String("mode") ?? "grid";
        if (mode is not ("grid" or "zip"))
            throw MrfiException.At(t.LocationOf("mode"),
                $"[sweep] mode must be \"grid\" (every combination) or \"zip\" (the i-th values together), not \"{mode}\"");
        foreach (var key in t.Keys.Where(k => k is not ("repeats" or "mode")).ToList())
        {
            if (ResultsSchema.IsReserved(key)) throw MrfiException.At(t.LocationOf(key), ResultsSchema.Clash("[sweep] variable", key));
            if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[A-Za-z_][A-Za-z0-9_]*$"))
                throw MrfiException.At(t.LocationOf(key), $"[sweep] variable '{key}' must be a plain identifier (letters, digits, _)");
            var variable = SweepValuesOf(t, key);
            if (variable.Count == 0) throw MrfiException.At(t.LocationOf(key), $"[sweep] {key} has no values");
            vars.Add(variable);
        }
        t.RejectUnknownKeys();
        if (mode == "zip" && vars.Select(v => v.Count).Distinct().Count() > 1)
            throw MrfiException.At(t.Location,
                $"[sweep] mode = \"zip\" needs variables of equal length; got " +
                $"{string.Join(", ", vars.Select(v => $"{v.Name}: {v.Count}"))}");
        return (vars, (int)repeats, mode == "zip");
    }

    /// <summary>A variable's values: all numbers, or all strings (a text variable, e.g. <c>format = ["float16", "int8"]</c>).</summary>
    private static SweepVariable SweepValuesOf(ConfigTable t, string key)
    {
        var raw = t.Raw(key)!;
        var items = raw.Value as IReadOnlyList<ConfigValue> ?? [raw];
        if (items.Count == 0 || items.All(i => i.Value is long or double)) return new SweepVariable(key, t.Numbers(key)!);
        if (items.All(i => i.Value is string))
        {
            var texts = items.Select(i => (string)i.Value).ToList();
            if (texts.FirstOrDefault(x => x.Length == 0 || x.Contains('$', StringComparison.Ordinal)) is { } bad)
                throw MrfiException.At(items.First(i => (string)i.Value == bad).Location,
                    $"[sweep] {key}: \"{bad}\" cannot be a value; text values must be non-empty and must not contain '$'");
            return SweepVariable.Text(key, texts);
        }
        if (items.FirstOrDefault(i => i.Value is not (long or double or string)) is { } odd)
            throw ConfigTable.TypeError(odd, "a number or a string (all values of a variable of one kind)");
        throw MrfiException.At(raw.Location,
            $"[sweep] {key} mixes numbers and strings; a variable's values are all numbers (ber = [1e-5, 1e-4]) or all strings (format = " +
            $"[\"float16\", \"int8\"])");
    }
}
