using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>Mean accuracy per value of a category variable (bit, layer), with 95 % t-interval error bars; one bar colour
/// per series (e.g. number format), grouped side by side.</summary>
internal static class BarFigure
{
    public static void Draw(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, string path)
    {
        var x = spec.X!;
        var t = results.Trials;
        var series = Group.Split(points, results.SweepNames, x, spec.Series);
        var categories = x.Values.ToList();
        var plot = PlotStyle.Create(spec.Title, PlotStyle.AxisLabel(x), "top-1 accuracy (%)");
        int n = series.Count;
        for (int s = 0; s < n; s++)
        {
            var (label, groups) = series[s];
            var bars = groups.Select(g =>
            {
                var a = g.Accuracy(t);
                int c = categories.FindIndex(v => Format.Key(v) == Format.Key(g.X));
                return new Bar
                {
                    Position = c * (n + 1) + s,
                    Value = 100 * a.Mean,
                    Error = double.IsFinite(a.High) ? 100 * (a.High - a.Mean) : 0,
                    FillColor = PlotStyle.Color(s),
                };
            }).ToList();
            plot.Add.Bars(bars);
            if (label.Length > 0) plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = PlotStyle.Color(s) });
        }
        double golden = series.SelectMany(s => s.Groups).Average(g => g.Golden(t));
        var line = plot.Add.HorizontalLine(100 * golden, 1.5f, Colors.Black, LinePattern.Dashed);
        line.LegendText = $"golden, no faults ({Format.Percent(golden)} %)";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "error bars: 95 % t-interval over repeats", LineColor = Colors.Black, LineWidth = 1 });
        PlotStyle.CategoryTicks(plot.Axes.Bottom, [.. categories.Select((_, c) => c * (n + 1) + (n - 1) / 2.0)], [.. categories.Select(Format.Value)]);
        plot.Axes.Margins(bottom: 0);
        // Outside the data area: bars fill every corner of it.
        plot.ShowLegend(Edge.Bottom);
        PlotStyle.Save(plot, path);
    }
}
