
namespace Mrfi.Core.Configuration;

/// <summary>Reads <c>[gate]</c> (one entry) or <c>[[gate]]</c> (several) and checks them against the sweep, so that a gate that
/// names a missing variable or value fails before the run rather than after it.</summary>
internal static class GateReader
{
    private static readonly (string Key, GateMetric Metric)[] Keys =
        [("accuracy_min", GateMetric.Accuracy), ("sdc_max", GateMetric.Sdc), ("critical_sdc_max", GateMetric.CriticalSdc),
            ("due_max", GateMetric.Due)];

    /// <summary>The gate entries; empty when the config has none.</summary>
    public static IReadOnlyList<GateSection> Read(ConfigTable root, IReadOnlyList<SweepVariable> sweep, int repeats)
    {
        if (root.Raw("gate") is not { } raw) return [];
        var tables = raw.Value is ConfigTable single ? [single] : root.Tables("gate");
        return [.. tables.Select(t => ReadOne(t, sweep, repeats))];
    }

    private static object NumberOf(ConfigTable p, string name, SweepVariable variable)
    {
        double value = p.Number(name)!.Value;
        if (!variable.Values.Any(v => GateSection.SameValue(v, value)))
            throw MrfiException.At(p.LocationOf(name),
                $"[gate] point {name} = {G6(value)} is not one of the [sweep] values of {name} " +
                $"({string.Join(", ", variable.Values.Select(G6))})");
        return value;
    }

    private static object TextOf(ConfigTable p, string name, SweepVariable variable)
    {
        string value = p.String(name)!;
        if (!variable.Texts!.Contains(value, StringComparer.Ordinal))
            throw MrfiException.At(p.LocationOf(name),
                $"[gate] point {name} = \"{value}\" is not one of the [sweep] values of {name}. " +
                $"{NameSuggester.Hint(value, variable.Texts!)}");
        return value;
    }

    private static string G6(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    private static GateSection ReadOne(ConfigTable t, IReadOnlyList<SweepVariable> sweep, int repeats)
    {
        var point = new List<KeyValuePair<string, object>>();
        if (t.Table("point") is { } p)
        {
            foreach (var name in p.Keys.ToList())
            {
                var variable = sweep.FirstOrDefault(v => v.Name == name)
                    ?? throw MrfiException.At(p.LocationOf(name),
                        $"[gate] point names '{name}', which is not a [sweep] variable. " +
                        $"{NameSuggester.Hint(name, [.. sweep.Select(v => v.Name)])}");
                point.Add(KeyValuePair.Create(name, variable.IsText ? TextOf(p, name, variable) : NumberOf(p, name, variable)));
            }
        }
        string judge = t.String("judge") ?? "interval";
        if (judge is not ("interval" or "estimate"))
            throw MrfiException.At(t.LocationOf("judge"),
                $"[gate] judge must be \"interval\" (the interval's worse end must pass) or \"estimate\", not \"{judge}\"");
        double confidence = t.Number("confidence") ?? 0.95;
        if (!(confidence > 0.5 && confidence < 1))
            throw MrfiException.At(t.LocationOf("confidence"), "[gate] confidence must lie between 0.5 and 1 (e.g. 0.95)");
        var thresholds = new List<GateThreshold>();
        foreach (var (key, metric) in Keys)
        {
            if (t.Number(key) is not double limit) continue;
            if (!(limit >= 0 && limit <= 1))
                throw MrfiException.At(t.LocationOf(key),
                    $"[gate] {key} must lie between 0 and 1 (a fraction of the samples), not {G6(limit)}");
            // Every interval is across trials (a trial's images share its faults), so one repeat gives none.
            if (judge == "interval" && repeats < 2)
                throw MrfiException.At(t.LocationOf(key),
                    $"[gate] {key} with judge = \"interval\" needs an interval over repeats: set [sweep] repeats to 2 or more, or judge " +
                    $"= \"estimate\"");
            thresholds.Add(new GateThreshold(metric, limit, key, t.LocationOf(key)));
        }
        t.RejectUnknownKeys();
        if (thresholds.Count == 0)
            throw MrfiException.At(t.Location, "[gate] sets no threshold; add accuracy_min, sdc_max, critical_sdc_max or due_max");
        return new GateSection(new SweepValues(point), thresholds, judge == "interval", confidence, t.Location);
    }
}
