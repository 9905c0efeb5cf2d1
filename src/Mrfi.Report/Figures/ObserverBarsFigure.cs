using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>One observer metric per layer as bars (mean over trials), one colour per value of the swept rate when it has
/// few values; a log10 value axis when the means span more than two decades (RMSE at BER 1e-6 and 1e-2).</summary>
internal static class ObserverBarsFigure
{
    public static void Draw(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, ObserverIndex observers, string path)
    {
        if (spec.Across)
        {
            DrawAcross(spec, results, points, observers, path);
            return;
        }
        var t = results.Trials;
        var layers = observers.Layers[(spec.Observer!, spec.Metric!)];
        var groups = Group.By(points, results.SweepNames, spec.X);
        var means = new double[groups.Count, layers.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            for (int l = 0; l < layers.Count; l++)
                means[g, l] = Mean(groups[g].Observed(t,
                    observers.Values(spec.Observer!, spec.Metric!, layers[l].Layer, layers[l].Position)));
        }
        // Zero means (no fault reached the layer) have no place on a log axis: they get no bar, and the legend says so.
        var finite = means.Cast<double>().Where(v => double.IsFinite(v) && v > 0).ToList();
        bool log = finite.Count > 0 && finite.Max() / finite.Min() > 100;
        bool zeros = log && means.Cast<double>().Any(v => v <= 0);
        double floor = log ? Math.Floor(Math.Log10(finite.Min())) : 0;
        var plot = PlotStyle.Create(spec.Title, "layer", $"mean {spec.Metric} over trials{(log ? " (log scale)" : "")}");
        int n = groups.Count;
        for (int g = 0; g < n; g++)
        {
            var bars = new List<Bar>();
            for (int l = 0; l < layers.Count; l++)
            {
                if (!double.IsFinite(means[g, l]) || (log && means[g, l] <= 0)) continue;
                bars.Add(new Bar
                {
                    Position = l * (n + 1) + g,
                    ValueBase = floor,
                    Value = log ? Math.Log10(means[g, l]) : means[g, l],
                    FillColor = PlotStyle.Color(g),
                });
            }
            plot.Add.Bars(bars);
            if (spec.X is not null)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = spec.X.Describe(groups[g].X), FillColor = PlotStyle.Color(g) });
        }
        if (zeros) plot.Legend.ManualItems.Add(new LegendItem { LabelText = "no bar: mean 0 (no change at that layer)" });
        PlotStyle.CategoryTicks(plot.Axes.Bottom, [.. layers.Select((_, l) => l * (n + 1) + (n - 1) / 2.0)],
            [.. layers.Select(l => ObserverIndex.LayerLabel(l.Layer, l.Position))]);
        if (log)
        {
            double top = Math.Log10(finite.Max());
            PlotStyle.LogTicks(plot.Axes.Left, floor, Math.Ceiling(top));
            plot.Axes.SetLimitsY(floor, Math.Ceiling(top + 0.1));
        }
        else plot.Axes.Margins(bottom: 0);
        if (spec.X is not null || zeros) plot.ShowLegend(Edge.Bottom);
        PlotStyle.Save(plot, path);
    }

    /// <summary>The metric at its one layer, one bar per value of the swept variable (mean over that value's trials).</summary>
    private static void DrawAcross(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, ObserverIndex observers,
        string path)
    {
        var t = results.Trials;
        var layer = observers.Layers[(spec.Observer!, spec.Metric!)].Single();
        var values = observers.Values(spec.Observer!, spec.Metric!, layer.Layer, layer.Position);
        var groups = Group.By(points, results.SweepNames, spec.X);
        var plot = PlotStyle.Create(spec.Title, PlotStyle.AxisLabel(spec.X!),
            $"mean {spec.Metric} at {ObserverIndex.LayerLabel(layer.Layer, layer.Position)} over trials");
        var bars = new List<Bar>();
        for (int g = 0; g < groups.Count; g++)
        {
            double mean = Mean(groups[g].Observed(t, values));
            if (!double.IsNaN(mean)) bars.Add(new Bar { Position = g, Value = mean, FillColor = PlotStyle.Color(0) });
        }
        plot.Add.Bars(bars);
        PlotStyle.CategoryTicks(plot.Axes.Bottom, [.. groups.Select((_, g) => (double)g)], [.. groups.Select(g => spec.X!.Show(g.X))]);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.Save(plot, path);
    }

    /// <summary>The mean, NaN when there are no values.</summary>
    private static double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Average();
}
