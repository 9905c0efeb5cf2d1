using ScottPlot;
using Mrfi.Results.Schema;

namespace Mrfi.Report.Figures;

/// <summary>Accuracy (or outcome rates, or the outputs' RMSE) against a swept number, one curve per series, with 95 % intervals
/// as filled bands; a rate spanning decades goes on a log10 axis.</summary>
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
        bool rmse = spec.Kind == FigureKind.RmseCurve;
        var plot = PlotStyle.Create(spec.Title, PlotStyle.AxisLabel(x),
            accuracy ? "top-1 accuracy (%)" : rmse ? "RMSE against the golden output" : "rate (% of samples)");
        int colour = 0;
        var rmseCurves = new List<(string Name, double[] Xs, IReadOnlyList<(double Mean, double Low, double High)> Values)>();
        foreach (var (label, groups) in series)
        {
            double[] xs = [.. groups.Select(X)];
            if (accuracy)
            {
                var acc = groups.Select(g => g.Accuracy(t)).ToList();
                // A t-interval from few repeats can pass 0 or 100 %; accuracy cannot, so the band stops there.
                Curve(plot, xs, [.. acc.Select(a => 100 * a.Mean)], [.. acc.Select(a => 100 * Math.Max(0, a.Low))],
                    [.. acc.Select(a => 100 * Math.Min(1, a.High))],
                    label.Length == 0 ? "mean accuracy (95 % t-interval)" : label, PlotStyle.Color(colour));
                colour++;
            }
            else if (rmse)
            {
                // Trials whose every sample is a DUE have no RMSE (NaN): the mean is over the others. One series of a model
                // with several outputs: a curve per output (output_rmse), as their scales differ.
                var outputs = series.Count == 1 ? results.Outputs : [];
                var curves = outputs.Count > 0
                    ? outputs.Select((name, k) => ($"{name}: mean RMSE (95 % t over trials)",
                        groups.Select(g => g.FiniteElement(t, "output_rmse", k)).ToList()))
                    : [(label.Length == 0 ? "mean RMSE (95 % t over trials)" : label, groups.Select(g => g.Finite(t, "rmse")).ToList())];
                rmseCurves.AddRange(curves.Select(c => (c.Item1, xs, (IReadOnlyList<(double, double, double)>)c.Item2)));
            }
            else
            {
                // One series: all outcome classes; several: the SDC rate of each, to keep the figure readable. Tensor outputs
                // have no critical SDCs (no labels).
                var all = results.Classifies ? new[] { (TrialColumns.Sdc, "SDC"), (TrialColumns.CriticalSdc, "critical SDC"),
                    (TrialColumns.Due, "DUE (NaN/Inf)") } : [(TrialColumns.Sdc, "SDC"), (TrialColumns.Due, "DUE (NaN/Inf)")];
                var columns = series.Count == 1 ? all : [(TrialColumns.Sdc, "SDC")];
                foreach (var (column, name) in columns)
                {
                    var rates = groups.Select(g => g.Rate(t, column)).ToList();
                    Curve(plot, xs, [.. rates.Select(r => 100 * r.Value)], [.. rates.Select(r => 100 * r.Low)],
                        [.. rates.Select(r => 100 * r.High)],
                        label.Length == 0 ? $"{name} rate (95 % t over trials)" : $"{name}, {label}", PlotStyle.Color(colour++));
                }
            }
        }
        if (accuracy) GoldenLines(plot, series, t);
        if (rmse) RmseCurves.Draw(plot, rmseCurves);
        if (log)
        {
            double min = series.SelectMany(s => s.Groups).Min(X), max = series.SelectMany(s => s.Groups).Max(X);
            PlotStyle.LogTicks(plot.Axes.Bottom, min, max);
            plot.Axes.SetLimitsX(min - 0.25, max + 0.25);
        }
        // A few entries fit in a corner; more would hide the curves that run through it, so they go beside the plot.
        if (plot.GetPlottables().Count(p => p.LegendItems.Any(i => i.LabelText.Length > 0)) > 4) plot.ShowLegend(Edge.Right);
        else plot.ShowLegend(accuracy ? Alignment.LowerLeft : Alignment.UpperLeft);
        PlotStyle.Save(plot, path);
    }

    /// <summary>The accuracy without faults: one black line for the golden accuracy most series share (to the shown two
    /// decimals), naming the series it does not hold for, and a line in its own colour for each series whose golden run
    /// differs (e.g. int8 weights among float formats).</summary>
    private static void GoldenLines(Plot plot, IReadOnlyList<(string Label, IReadOnlyList<Group> Groups)> series, Table t)
    {
        var lines = GoldenLegend([.. series.Select(s => s.Groups.Average(g => g.Golden(t)))], [.. series.Select(s => s.Label)]);
        foreach (var (y, colour, text) in lines)
            plot.Add.HorizontalLine(100 * y, 1.5f, colour < 0 ? Colors.Black : PlotStyle.Color(colour), LinePattern.Dashed)
                .LegendText = text;
    }

    /// <summary>The golden lines to draw: height, colour (a series index, or -1 for black) and legend text.</summary>
    internal static IReadOnlyList<(double Y, int Colour, string Text)> GoldenLegend(IReadOnlyList<double> golden,
        IReadOnlyList<string> labels)
    {
        var groups = Enumerable.Range(0, golden.Count).GroupBy(s => Format.Percent(golden[s])).OrderByDescending(g => g.Count()).ToList();
        var common = groups[0];
        // The exceptions by name: "all curves but one" leaves the reader to guess which.
        var exceptions = groups.Skip(1).SelectMany(g => g).Order().Select(s => labels[s]);
        string others = groups.Count == 1 ? "" : $", all curves but {string.Join(", ", exceptions)}";
        var lines = new List<(double, int, string)> { (golden[common.First()], -1, $"golden, no faults ({common.Key} %){others}") };
        foreach (int s in groups.Skip(1).SelectMany(g => g))
            lines.Add((golden[s], s, $"golden ({Format.Percent(golden[s])} %){(labels[s].Length == 0 ? "" : ", " + labels[s])}"));
        return lines;
    }

    /// <summary>One curve with its interval as a band (when every point has one).</summary>
    internal static void Curve(Plot plot, double[] xs, double[] mean, double[] low, double[] high, string label, Color color)
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
