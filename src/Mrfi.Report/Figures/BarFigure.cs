using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>Mean accuracy (for tensor outputs: SDC rate) per value of a category variable (bit, layer), with 95 % t-interval
/// error bars; one bar colour per series (e.g. number format), grouped side by side.</summary>
internal static class BarFigure
{
    public static void Draw(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, string path)
    {
        var x = spec.X!;
        var t = results.Trials;
        var series = Group.Split(points, results.SweepNames, x, spec.Series);
        var categories = x.Values.ToList();
        var measure = Measure.For(results);
        var plot = PlotStyle.Create(spec.Title, PlotStyle.AxisLabel(x), measure.Axis);
        int n = series.Count;
        for (int s = 0; s < n; s++)
        {
            var (label, groups) = series[s];
            var position = new List<double>();
            var mean = new List<double>();
            var below = new List<double>();
            var above = new List<double>();
            foreach (var g in groups)
            {
                var a = g.Mean(t, measure);
                position.Add(categories.FindIndex(v => Format.Key(v) == Format.Key(g.X)) * (n + 1) + s);
                mean.Add(100 * a.Mean);
                // A t-interval from two repeats can pass 0 or 100 %; a fraction cannot, so the bar is clipped there.
                below.Add(double.IsFinite(a.Low) ? 100 * (a.Mean - Math.Max(0, a.Low)) : 0);
                above.Add(double.IsFinite(a.High) ? 100 * (Math.Min(1, a.High) - a.Mean) : 0);
            }
            plot.Add.Bars(position.Zip(mean, (p, m) => new Bar { Position = p, Value = m, FillColor = PlotStyle.Color(s) }).ToList());
            var errors = new ScottPlot.Plottables.ErrorBar(xs: position, ys: mean, xErrorsNegative: null, xErrorsPositive: null,
                yErrorsNegative: below, yErrorsPositive: above) { Color = Colors.Black };
            plot.Add.Plottable(errors);
            if (label.Length > 0) plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = PlotStyle.Color(s) });
        }
        if (measure.IsAccuracy) GoldenLine(plot, series, t);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "error bars: 95 % t-interval over repeats (within 0–100 %)",
            LineColor = Colors.Black, LineWidth = 1 });
        PlotStyle.CategoryTicks(plot.Axes.Bottom, [.. categories.Select((_, c) => c * (n + 1) + (n - 1) / 2.0)],
            [.. categories.Select(Format.Value)]);
        plot.Axes.Margins(bottom: 0);
        // Outside the data area: bars fill every corner of it.
        plot.ShowLegend(Edge.Bottom);
        PlotStyle.Save(plot, path);
    }

    /// <summary>The golden accuracy as a dashed line. Runs of a script each have their own golden pass; when they differ the
    /// line is their mean and says so.</summary>
    private static void GoldenLine(Plot plot, IReadOnlyList<(string Label, IReadOnlyList<Group> Groups)> series, Table t)
    {
        var goldens = series.SelectMany(s => s.Groups).Select(g => g.Golden(t)).ToList();
        bool same = goldens.All(g => Math.Abs(g - goldens[0]) < 1e-12);
        var line = plot.Add.HorizontalLine(100 * goldens.Average(), 1.5f, Colors.Black, LinePattern.Dashed);
        line.LegendText = $"golden, no faults ({(same ? "" : "mean ")}{Format.Percent(goldens.Average())} %)";
    }
}
