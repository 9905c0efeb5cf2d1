namespace Mrfi.Report;

/// <summary>The table of key numbers per sweep point, as text cells: the HTML table and the console summary print the same
/// cells, so they cannot disagree. Percentages have two decimals; the values (and rate intervals) are those of points.parquet.</summary>
internal static class KeyTable
{
    public static IReadOnlyList<string> Header(IReadOnlyList<string> sweepNames) =>
    [
        "point", .. sweepNames, "trials", "samples", "accuracy %", "95 % low", "95 % high", "golden %", "faults/trial", "changed/trial",
        "SDC %", "critical SDC %", "DUE %", "masked %",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(IReadOnlyList<PointRow> points, IReadOnlyList<Variable> variables) =>
    [
        .. points.Select(p => (IReadOnlyList<string>)
        [
            p.Point.ToString(System.Globalization.CultureInfo.InvariantCulture), .. p.Values.Select((v, i) => variables[i].Show(v)),
            p.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Samples.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Format.Percent(p.Accuracy.Mean), Format.Percent(p.Accuracy.Low), Format.Percent(p.Accuracy.High), Format.Percent(p.GoldenAccuracy),
            Format.Mean(p.FaultsMean), Format.Mean(p.ChangedMean),
            Cell(p.Sdc), Cell(p.CriticalSdc), Cell(p.Due), Cell(p.Masked),
        ]),
    ];

    /// <summary>What the table's intervals are, and a warning when a point has none (one trial).</summary>
    public static IEnumerable<string> Legend(IReadOnlyList<PointRow> points)
    {
        yield return "Accuracy and rates: mean over the point's trials with a 95 % Student-t interval across the trials (rates: value (low–high), clipped to [0, 100]), as in points.parquet; the images of a trial share its faults, so the trial is the unit.";
        if (points.Any(p => p.Rows.Count < 2))
            yield return "note: points with one trial have no interval (NaN): a per-image interval would ignore that all images of a trial share its faults; set [sweep] repeats >= 2";
    }

    /// <summary>A rate as "value (low–high)" in percent; the value alone when there is no interval.</summary>
    private static string Cell(Rate r) =>
        double.IsNaN(r.Low) ? Format.Percent(r.Value) : $"{Format.Percent(r.Value)} ({Format.Percent(r.Low)}–{Format.Percent(r.High)})";
}
