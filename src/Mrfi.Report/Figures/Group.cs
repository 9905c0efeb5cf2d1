using Mrfi.Results.Schema;

namespace Mrfi.Report.Figures;

/// <summary>The trials (row numbers) of one x value in one series, with the statistics the figures draw.</summary>
internal sealed record Group(object? X, IReadOnlyList<int> Rows)
{
    public double XNumber => Convert.ToDouble(X, System.Globalization.CultureInfo.InvariantCulture);

    public (double Mean, double Low, double High) Accuracy(Table t) =>
        Stats.MeanT([.. Rows.Select(r => t.Double(TrialColumns.Accuracy, r))]);

    /// <summary>The mean of <paramref name="measure"/> over this group's trials with its 95 % t-interval.</summary>
    public (double Mean, double Low, double High) Mean(Table t, Measure measure) => Stats.MeanT([.. Rows.Select(r => measure.Of(t, r))]);

    /// <summary>The mean of a double column over the trials where it is finite (an all-DUE trial has a NaN RMSE), with its
    /// t-interval.</summary>
    public (double Mean, double Low, double High) Finite(Table t, string column) =>
        Stats.MeanT([.. Rows.Select(r => t.Double(column, r)).Where(double.IsFinite)]);

    /// <summary>The rate of <paramref name="column"/> (a count per trial) over this group's trials, with the t-interval across
    /// them.</summary>
    public Rate Rate(Table t, string column) =>
        Report.Rate.Of([.. Rows.Select(r => t.Long(TrialColumns.Total, r) is var n && n > 0 ? t.Long(column, r) / (double)n : double.NaN)]);

    /// <summary>The mean of element <paramref name="index"/> of a list column (output_rmse: output <paramref name="index"/>'s RMSE)
    /// over the trials where it is finite, with its t-interval.</summary>
    public (double Mean, double Low, double High) FiniteElement(Table t, string column, int index) =>
        Stats.MeanT([.. Rows.Select(r => t.Doubles(column, r) is var l && index < l.Count ? l[index] : double.NaN).Where(double.IsFinite)]);

    public double Golden(Table t) => Rows.Average(r => t.Double(TrialColumns.GoldenAccuracy, r));

    /// <summary>The observer values of this group's trials (<paramref name="values"/>: trial → value), finite ones only.</summary>
    public IEnumerable<double> Observed(Table t, IReadOnlyDictionary<long, double> values) =>
        Rows.Select(r => t.Long(TrialColumns.Trial, r)).Where(values.ContainsKey).Select(k => values[k]).Where(double.IsFinite);

    /// <summary>The points grouped by the value of <paramref name="x"/> (all in one group when null), in its order.</summary>
    public static IReadOnlyList<Group> By(IReadOnlyList<PointRow> points, IReadOnlyList<string> sweepNames, Variable? x) =>
        Split(points, sweepNames, x, []) is [var only] ? only.Groups : [];

    /// <summary>Splits the points into series (one per combination of <paramref name="series"/> values) and, within each,
    /// groups by the value of <paramref name="x"/>; trials of points that differ only in other variables are pooled.</summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<Group> Groups)> Split(IReadOnlyList<PointRow> points,
        IReadOnlyList<string> sweepNames, Variable? x, IReadOnlyList<Variable> series)
    {
        int xi = x is null ? -1 : IndexOf(sweepNames, x.Name);
        var si = series.Select(s => IndexOf(sweepNames, s.Name)).ToList();
        string SeriesKey(PointRow p) => string.Join("\u001f", si.Select(i => Format.Key(p.Values[i])));
        string SeriesLabel(PointRow p) => series.Count == 0 ? "" : string.Join(", ", series.Select((s, k) => s.Describe(p.Values[si[k]])));
        var ordered = points.OrderBy(p => si.Select((i, k) => OrderKey(series[k], p.Values[i])).DefaultIfEmpty(0).ToArray(),
            new ArrayOrder());
        return [.. ordered.GroupBy(SeriesKey).Select(s => (SeriesLabel(s.First()), (IReadOnlyList<Group>)[.. s
            .GroupBy(p => xi < 0 ? "" : Format.Key(p.Values[xi]))
            .Select(g => new Group(xi < 0 ? null : g.First().Values[xi], [.. g.SelectMany(p => p.Rows)]))
            .OrderBy(g => x is null ? 0 : OrderKey(x, g.X))]))];
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++) if (names[i] == name) return i;
        throw new InvalidOperationException($"no sweep variable {name}");
    }

    /// <summary>Numbers by value, labels by their first appearance.</summary>
    private static double OrderKey(Variable v, object? value) =>
        v.IsNumeric ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)
            : v.Values.Select(Format.Key).ToList().IndexOf(Format.Key(value));

    private sealed class ArrayOrder : IComparer<double[]>
    {
        public int Compare(double[]? a, double[]? b)
        {
            for (int i = 0; i < Math.Min(a!.Length, b!.Length); i++)
            {
                int c = a[i].CompareTo(b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
