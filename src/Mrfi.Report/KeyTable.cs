namespace Mrfi.Report;

/// <summary>The table of key numbers per sweep point, as text cells: the HTML table and the console summary print the same
/// cells, so they cannot disagree. Percentages have two decimals; the values (and rate intervals) are those of points.parquet.
/// Outputs compared as a tensor have no accuracy or critical SDCs: their table shows the RMSE and the largest deviation instead.</summary>
internal static class KeyTable
{
    public static IReadOnlyList<string> Header(IReadOnlyList<string> sweepNames, bool classifies = true) => classifies
        ?
        [
            "point", .. sweepNames, "trials", "samples", "accuracy %", "95 % low", "95 % high", "golden %", "faults/trial", "changed/trial",
            "SDC %", "critical SDC %", "DUE %", "masked %",
        ]
        :
        [
            "point", .. sweepNames, "trials", "samples", "faults/trial", "changed/trial", "SDC %", "DUE %", "masked %",
            "RMSE", "RMSE 95 % low", "RMSE 95 % high", "max deviation",
        ];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(IReadOnlyList<PointRow> points, IReadOnlyList<Variable> variables,
        bool classifies = true) =>
    [
        .. points.Select(p => (IReadOnlyList<string>)
        [
            p.Point.ToString(System.Globalization.CultureInfo.InvariantCulture), .. p.Values.Select((v, i) => variables[i].Show(v)),
            p.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.Samples.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. classifies ? Classifier(p) : Tensor(p),
        ]),
    ];

    private static string[] Classifier(PointRow p) =>
    [
        Format.Percent(p.Accuracy.Mean), Format.Percent(p.Accuracy.Low), Format.Percent(p.Accuracy.High), Format.Percent(p.GoldenAccuracy),
        Format.Mean(p.FaultsMean), Format.Mean(p.ChangedMean),
        Cell(p.Sdc), Cell(p.CriticalSdc), Cell(p.Due), Cell(p.Masked),
    ];

    private static string[] Tensor(PointRow p) =>
    [
        Format.Mean(p.FaultsMean), Format.Mean(p.ChangedMean), Cell(p.Sdc), Cell(p.Due), Cell(p.Masked),
        Format.Significant(p.Rmse.Mean), Format.Significant(Math.Max(0, p.Rmse.Low)), Format.Significant(p.Rmse.High),
        Format.Significant(p.MaxDeviation),
    ];
    /// <summary>What the table's intervals are, and a warning when a point has none (one trial).</summary>
    public static IEnumerable<string> Legend(IReadOnlyList<PointRow> points, bool classifies = true)
    {
        yield return classifies
            ? "Accuracy and rates: mean over the point's trials with a 95 % Student-t interval across the trials (rates: value " +
                "(low–high), clipped to [0, 100]), as in points.parquet; the images of a trial share its faults, so the trial is the " +
                "unit."
            : "Rates and RMSE: mean over the point's trials with a 95 % Student-t interval across the trials (rates: value (low–high), " +
                "clipped to [0, 100]), as in points.parquet; the samples of a trial share its faults, so the trial is the unit. RMSE: of " +
                "the outputs against the golden outputs over the finite samples (trials whose every sample is a DUE left out); max " +
                "deviation: the largest relative deviation of a finite sample in any trial.";
        if (points.Any(p => p.Rows.Count < 2))
            yield return "note: points with one trial have no interval (NaN): a per-image interval would ignore that all images of a " +
                "trial share its faults; set [sweep] repeats >= 2";
    }

    /// <summary>A rate as "value (low–high)" in percent; the value alone when there is no interval.</summary>
    private static string Cell(Rate r) =>
        double.IsNaN(r.Low) ? Format.Percent(r.Value) : $"{Format.Percent(r.Value)} ({Format.Percent(r.Low)}–{Format.Percent(r.High)})";
}
