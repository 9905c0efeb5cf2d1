namespace Mrfi.Report;

/// <summary>The table of key numbers per sweep point, as text cells: the HTML table and the console summary print the same
/// cells, so they cannot disagree. Percentages have two decimals; the values are those of points.parquet.</summary>
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
            Format.Percent(p.Sdc.Value), Format.Percent(p.CriticalSdc.Value), Format.Percent(p.Due.Value), Format.Percent(p.Masked.Value),
        ]),
    ];
}
