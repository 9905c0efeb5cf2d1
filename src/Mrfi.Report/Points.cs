namespace Mrfi.Report;

/// <summary>Groups trials into sweep points. The key is the point number together with the sweep values: a campaign
/// numbers its points, while scripts saved by older versions say point 0 for every run and differ only in their tag columns.</summary>
internal static class Points
{
    public static IReadOnlyList<PointRow> From(ResultsSet results)
    {
        var t = results.Trials;
        var names = results.SweepNames;
        return [.. Enumerable.Range(0, t.Rows)
            .GroupBy(r => Key(t, names, r))
            .Select(g => Row(t, (int)t.Long("point", g.First()), [.. names.Select(n => t.Value(n, g.First()))], [.. g]))
            .OrderBy(p => p.Point).ThenBy(p => Rank(t, p.Rows[0]))];
    }

    private static string Key(Table t, IReadOnlyList<string> names, int row) =>
        string.Join('\u001f', names.Select(n => Format.Key(t.Value(n, row))).Prepend(t.Long("point", row).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static long Rank(Table t, int row) => t.Long("trial", row);

    private static PointRow Row(Table t, int point, IReadOnlyList<object?> values, IReadOnlyList<int> rows)
    {
        // The same statistics the figures draw for a group of trials.
        var g = new Figures.Group(null, rows);
        return new PointRow(point, values, rows)
        {
            Samples = rows.Sum(r => t.Long("total", r)),
            GoldenAccuracy = t.Double("golden_accuracy", rows[0]),
            Accuracy = g.Accuracy(t),
            FaultsMean = rows.Average(r => (double)t.Long("faults", r)),
            ChangedMean = t.Has("changed") ? rows.Average(r => (double)t.Long("changed", r)) : double.NaN,
            Sdc = g.Rate(t, "sdc"),
            CriticalSdc = g.Rate(t, "critical_sdc"),
            Due = g.Rate(t, "due"),
            Masked = g.Rate(t, "masked"),
            Rmse = t.Has("rmse") ? g.Finite(t, "rmse") : (double.NaN, double.NaN, double.NaN),
            MaxDeviation = t.Has("max_deviation") ? rows.Select(r => t.Double("max_deviation", r)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max() : double.NaN,
        };
    }
}
