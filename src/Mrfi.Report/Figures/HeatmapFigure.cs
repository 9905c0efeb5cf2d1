using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>Mean accuracy per faulty pixel as a heat map laid out like the image (row 0 at the top), with a colour bar in %.</summary>
internal static class HeatmapFigure
{
    public static void Draw(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, string path)
    {
        var t = results.Trials;
        var xs = spec.X!;
        int width, height;
        Func<PointRow, (int Col, int Row)> cell;
        int xi = results.SweepNames.ToList().IndexOf(xs.Name);
        if (spec.Y is { } ys)
        {
            int yi = results.SweepNames.ToList().IndexOf(ys.Name);
            width = (int)xs.Numbers.Max() + 1;
            height = (int)ys.Numbers.Max() + 1;
            cell = p => ((int)Convert.ToDouble(p.Values[xi], System.Globalization.CultureInfo.InvariantCulture), (int)Convert.ToDouble(p.Values[yi], System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            width = height = (int)Math.Round(Math.Sqrt(xs.Numbers.Max() + 1));
            cell = p => { int i = (int)Convert.ToDouble(p.Values[xi], System.Globalization.CultureInfo.InvariantCulture); return (i % width, i / width); };
        }
        var rows = new Dictionary<(int, int), List<int>>();
        foreach (var p in points)
        {
            var key = cell(p);
            if (!rows.TryGetValue(key, out var list)) rows[key] = list = [];
            list.AddRange(p.Rows);
        }
        // ScottPlot draws data row 0 at the top of the map's rectangle whichever way the axis points; with the y axis
        // inverted, the top is y = 0, so data row r = image row r lays the map out like the image (checked by eye).
        var data = new double[height, width];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
                data[r, c] = rows.TryGetValue((c, r), out var list) ? 100 * list.Average(i => t.Double("accuracy", i)) : double.NaN;
        var plot = PlotStyle.Create(spec.Title, spec.Y is null ? $"pixel column ({xs.Name} mod {width})" : $"{xs.Name} (pixel column)",
            spec.Y is null ? $"pixel row ({xs.Name} / {width})" : $"{spec.Y.Name} (pixel row)");
        var map = plot.Add.Heatmap(data);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.NaNCellColor = Colors.LightGray;
        var bar = plot.Add.ColorBar(map);
        bar.Label = "mean top-1 accuracy (%)";
        bar.LabelStyle.FontSize = 16;
        plot.Axes.InvertY();
        PlotStyle.IntegerTicks(plot.Axes.Bottom, width);
        PlotStyle.IntegerTicks(plot.Axes.Left, height);
        plot.Axes.SquareUnits();
        PlotStyle.Save(plot, path);
    }
}
