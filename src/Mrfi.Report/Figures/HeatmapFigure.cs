using System.Globalization;
using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>Mean accuracy (for tensor outputs: SDC rate) per faulty pixel as a heat map laid out like the image (row 0 at the top), with a
/// colour bar in %.</summary>
internal static class HeatmapFigure
{
    public static void Draw(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points, string path)
    {
        var data = Grid(spec, results, points);
        int height = data.GetLength(0), width = data.GetLength(1);
        string xs = spec.X!.Name;
        var plot = PlotStyle.Create(spec.Title, spec.Y is null ? $"pixel column ({xs} mod {width})" : $"{xs} (pixel column)",
            spec.Y is null ? $"pixel row ({xs} / {width})" : $"{spec.Y.Name} (pixel row)");
        // ScottPlot draws data row 0 at the top of the map's rectangle whichever way the axis points; with the y axis
        // inverted, the top is y = 0, so data row r = image row r lays the map out like the image (checked by eye).
        var map = plot.Add.Heatmap(data);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.NaNCellColor = Colors.LightGray;
        var bar = plot.Add.ColorBar(map);
        bar.Label = "mean " + Measure.For(results).Axis;
        bar.LabelStyle.FontSize = 16;
        plot.Axes.InvertY();
        PlotStyle.IntegerTicks(plot.Axes.Bottom, width);
        PlotStyle.IntegerTicks(plot.Axes.Left, height);
        plot.Axes.SquareUnits();
        PlotStyle.Save(plot, path);
    }

    /// <summary>Mean accuracy (or SDC rate, %) per pixel as [row, column]; NaN where no point hit the pixel. A flat index i of a square
    /// image of side s is row i / s, column i mod s.</summary>
    public static double[,] Grid(FigureSpec spec, ResultsSet results, IReadOnlyList<PointRow> points)
    {
        var t = results.Trials;
        var measure = Measure.For(results);
        var names = results.SweepNames.ToList();
        int xi = names.IndexOf(spec.X!.Name);
        int Number(PointRow p, int i) => (int)Convert.ToDouble(p.Values[i], CultureInfo.InvariantCulture);
        int width, height;
        Func<PointRow, (int Col, int Row)> cell;
        if (spec.Y is { } ys)
        {
            int yi = names.IndexOf(ys.Name);
            width = (int)spec.X.Numbers.Max() + 1;
            height = (int)ys.Numbers.Max() + 1;
            cell = p => (Number(p, xi), Number(p, yi));
        }
        else
        {
            width = height = (int)Math.Round(Math.Sqrt(spec.X.Numbers.Max() + 1));
            cell = p => (Number(p, xi) % width, Number(p, xi) / width);
        }
        var rows = new Dictionary<(int, int), List<int>>();
        foreach (var p in points)
        {
            var key = cell(p);
            if (!rows.TryGetValue(key, out var list)) rows[key] = list = [];
            list.AddRange(p.Rows);
        }
        var data = new double[height, width];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
                data[r, c] = rows.TryGetValue((c, r), out var list) ? 100 * list.Average(i => measure.Of(t, i)) : double.NaN;
        return data;
    }
}
