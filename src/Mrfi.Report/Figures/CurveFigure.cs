using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>Accuracy (or outcome rates) against a swept number, one curve per series, with 95 % intervals as filled bands;
/// a rate spanning decades goes on a log10 axis.</summary>
internal static class CurveFigure
{
    public static void Draw(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, string path)
    {
        var x = spec.X!;
        var t = results.Trials;
        var series = Group.Split(points, results.SweepNames, x, spec.Series);
        bool log = x.LogScale;
        double X(Group g) => log ? Math.Log10(g.XNumber) : g.XNumber;
        bool accuracy = spec.Kind == FigureKind.AccuracyCurve;
        var plot = PlotStyle.Create(spec.Title, PlotStyle.AxisLabel(x), accuracy ? "top-1 accuracy (%)" : "rate (% of samples)");
        int colour = 0;
        foreach (var (label, groups) in series)
        {
            double[] xs = [.. groups.Select(X)];
            if (accuracy)
            {
                var acc = groups.Select(g => g.Accuracy(t)).ToList();
                // A t-interval from few repeats can pass 0 or 100 %; accuracy cannot, so the band stops there.
                Curve(plot, xs, [.. acc.Select(a => 100 * a.Mean)], [.. acc.Select(a => 100 * Math.Max(0, a.Low))], [.. acc.Select(a => 100 * Math.Min(1, a.High))],
                    label.Length == 0 ? "mean accuracy (95 % t-interval)" : label, PlotStyle.Color(colour));
                colour++;
            }
            else
            {
                // One series: all three outcome classes; several: the SDC rate of each, to keep the figure readable.
                var columns = series.Count == 1 ? new[] { ("sdc", "SDC"), ("critical_sdc", "critical SDC"), ("due", "DUE (NaN/Inf)") } : [("sdc", "SDC")];
                foreach (var (column, name) in columns)
                {
                    var rates = groups.Select(g => g.Pooled(t, column)).ToList();
                    Curve(plot, xs, [.. rates.Select(r => 100 * r.Value)], [.. rates.Select(r => 100 * r.Low)], [.. rates.Select(r => 100 * r.High)],
                        label.Length == 0 ? $"{name} rate (95 % Wilson)" : $"{name}, {label}", PlotStyle.Color(colour++));
                }
            }
        }
        if (accuracy) GoldenLines(plot, series, t);
        if (log)
        {
            double min = series.SelectMany(s => s.Groups).Min(X), max = series.SelectMany(s => s.Groups).Max(X);
            PlotStyle.LogTicks(plot.Axes.Bottom, min, max);
            plot.Axes.SetLimitsX(min - 0.25, max + 0.25);
        }
        plot.ShowLegend(accuracy ? Alignment.LowerLeft : Alignment.UpperLeft);
        PlotStyle.Save(plot, path);
    }

    /// <summary>The accuracy without faults: one black line when every series has the same, else one per series in its colour.</summary>
    private static void GoldenLines(Plot plot, IReadOnlyList<(string Label, IReadOnlyList<Group> Groups)> series, Table t)
    {
        var golden = series.Select(s => s.Groups.Average(g => g.Golden(t))).ToList();
        if (golden.All(g => Math.Abs(g - golden[0]) < 1e-12))
        {
            plot.Add.HorizontalLine(100 * golden[0], 1.5f, Colors.Black, LinePattern.Dashed).LegendText = $"golden, no faults ({Format.Percent(golden[0])} %)";
            return;
        }
        for (int s = 0; s < series.Count; s++)
            plot.Add.HorizontalLine(100 * golden[s], 1.5f, PlotStyle.Color(s), LinePattern.Dashed).LegendText = $"golden ({Format.Percent(golden[s])} %){(series[s].Label.Length == 0 ? "" : ", " + series[s].Label)}";
    }

    private static void Curve(Plot plot, double[] xs, double[] mean, double[] low, double[] high, string label, Color color)
    {
        // A band needs an interval: one trial per point (NaN bounds) draws the line alone.
        if (low.All(double.IsFinite) && high.All(double.IsFinite) && xs.Length > 1)
        {
            var band = plot.Add.FillY(xs, low, high);
            band.FillStyle.Color = color.WithAlpha(0.2);
            band.LineStyle.Width = 0;
        }
        var line = plot.Add.Scatter(xs, mean, color);
        line.LineWidth = 2.5f;
        line.MarkerSize = 8;
        line.LegendText = label;
    }
}
