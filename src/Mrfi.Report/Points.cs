using Mrfi.Results.Schema;

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
            .Select(g => Row(t, (int)t.Long(TrialColumns.Point, g.First()), [.. names.Select(n => t.Value(n, g.First()))], [.. g]))
            .OrderBy(p => p.Point).ThenBy(p => Rank(t, p.Rows[0]))];
    }

    private static string Key(Table t, IReadOnlyList<string> names, int row) =>
        string.Join('\u001f', names.Select(n => Format.Key(t.Value(n, row)))
            .Prepend(t.Long(TrialColumns.Point, row).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static long Rank(Table t, int row) => t.Long(TrialColumns.Trial, row);

    private static PointRow Row(Table t, int point, IReadOnlyList<object?> values, IReadOnlyList<int> rows)
    {
        // The same statistics the figures draw for a group of trials.
        var g = new Figures.Group(null, rows);
        return new PointRow(point, values, rows)
        {
            Samples = rows.Sum(r => t.Long(TrialColumns.Total, r)),
            GoldenAccuracy = t.Double(TrialColumns.GoldenAccuracy, rows[0]),
            Accuracy = g.Accuracy(t),
            FaultsMean = rows.Average(r => (double)t.Long(TrialColumns.Faults, r)),
            ChangedMean = t.Has(TrialColumns.Changed) ? rows.Average(r => (double)t.Long(TrialColumns.Changed, r)) : double.NaN,
            Sdc = g.Rate(t, TrialColumns.Sdc),
            CriticalSdc = g.Rate(t, TrialColumns.CriticalSdc),
            Due = g.Rate(t, TrialColumns.Due),
            Masked = g.Rate(t, TrialColumns.Masked),
            Rmse = t.Has(TrialColumns.Rmse) ? g.Finite(t, TrialColumns.Rmse) : (double.NaN, double.NaN, double.NaN),
            MaxDeviation = t.Has(TrialColumns.MaxDeviation)
                ? rows.Select(r => t.Double(TrialColumns.MaxDeviation, r)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max()
                    : double.NaN,
        };
    }
}
