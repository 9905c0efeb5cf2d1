using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>One box per channel over its trials: the observer value at the output layer (or the accuracy, or SDC rate), quartiles as
/// the box, median as the line, min and max as whiskers.</summary>
internal static class BoxFigure
{
    public static void Draw(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, ObserverIndex observers, string path)
    {
        var x = spec.X!;
        var t = results.Trials;
        var groups = Group.By(points, results.SweepNames, x);
        bool observed = spec.Observer is not null;
        var values = observed ? observers.Values(spec.Observer!, spec.Metric!, spec.Layer!, spec.Position!) : null;
        var measure = Measure.For(results);
        string yLabel = observed ? $"{spec.Metric} at {ObserverIndex.LayerLabel(spec.Layer!, spec.Position!)} (per trial)"
            : $"{measure.Axis}, per trial";
        var plot = PlotStyle.Create(spec.Title,
            PlotStyle.AxisLabel(x) + " — box: quartiles over trials, line: median, whiskers: min–max", yLabel);
        var boxes = new List<Box>();
        for (int c = 0; c < groups.Count; c++)
        {
            var sample = (observed ? groups[c].Observed(t, values!)
                : groups[c].Rows.Select(r => 100 * measure.Of(t, r)).Where(double.IsFinite))
                .Order().ToList();
            if (sample.Count == 0) continue;
            boxes.Add(new Box
            {
                Position = c,
                BoxMin = Stats.Quantile(sample, 0.25),
                BoxMax = Stats.Quantile(sample, 0.75),
                BoxMiddle = Stats.Quantile(sample, 0.5),
                WhiskerMin = sample[0],
                WhiskerMax = sample[^1],
                FillColor = PlotStyle.Color(0).WithAlpha(0.5),
            });
        }
        plot.Add.Boxes(boxes);
        PlotStyle.CategoryTicks(plot.Axes.Bottom, [.. groups.Select((_, c) => (double)c)], [.. groups.Select(g => Format.Value(g.X))]);
        PlotStyle.Save(plot, path);
    }
}
