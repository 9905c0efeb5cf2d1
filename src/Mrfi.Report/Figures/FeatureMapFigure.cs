using ScottPlot;
using Mrfi.Results.Schema;

namespace Mrfi.Report.Figures;

/// <summary>Feature maps of one layer from a `SaveLast` observer (paper Fig. 5): the first sample's golden values, channel
/// by channel, over the absolute error |faulty − golden| of the same channels, each with its own colour bar. The
/// trial shown is the one whose saved error is largest.</summary>
internal static class FeatureMapFigure
{
    /// <summary>At most this many channels side by side.</summary>
    public const int MaxChannels = 8;

    /// <summary>The saved values of one layer's SaveLast observer in one trial: shape (the "size" rows), golden, faulty.</summary>
    public sealed record Saved(long Trial, long[] Shape, double[] Golden, double[] Faulty);

    /// <summary>Every trial's SaveLast rows at <paramref name="layer"/>.</summary>
    public static List<Saved> Read(Table observers, string layer, string position)
    {
        var trials = new SortedDictionary<long,
            (SortedDictionary<long, double> Size, SortedDictionary<long, double> Golden, SortedDictionary<long, double> Faulty)>();
        for (int r = 0; r < observers.Rows; r++)
        {
            if (observers.String(ObserverColumns.Observer, r) != "SaveLast" || (observers.String(ObserverColumns.Layer, r) ?? "") != layer
                || (observers.String(ObserverColumns.Position, r) ?? "after") != position
                || observers.Value(ObserverColumns.Index, r) is null) continue;
            long trial = observers.Long(ObserverColumns.Trial, r);
            if (!trials.TryGetValue(trial, out var t)) trials[trial] = t = ([], [], []);
            var target = observers.String(ObserverColumns.Metric, r) switch { "size" => t.Size, "golden" => t.Golden, "faulty" => t.Faulty,
                _ => null };
            if (target is not null) target[observers.Long(ObserverColumns.Index, r)] = observers.Double(ObserverColumns.Value, r);
        }
        return [.. trials.Select(kv =>
            new Saved(kv.Key, [.. kv.Value.Size.Values.Select(v => (long)v)], [.. kv.Value.Golden.Values], [.. kv.Value.Faulty.Values]))];
    }

    /// <summary>The first sample as [channel][row, column] golden and error maps, or null when the saved values do not
    /// hold one whole sample of a [N, C, H, W] (or [C, H, W]) tensor.</summary>
    public static (double[][,] Golden, double[][,] Error)? Maps(Saved s)
    {
        if (s.Shape.Length is not (3 or 4)) return null;
        long c = s.Shape[^3], h = s.Shape[^2], w = s.Shape[^1];
        int channels = (int)Math.Min(c, MaxChannels);
        if (s.Golden.Length < channels * h * w || s.Faulty.Length < channels * h * w) return null;
        var golden = new double[channels][,];
        var error = new double[channels][,];
        for (int ch = 0; ch < channels; ch++)
        {
            golden[ch] = new double[h, w];
            error[ch] = new double[h, w];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    long i = (ch * h + y) * w + x;
                    golden[ch][y, x] = s.Golden[i];
                    error[ch][y, x] = Math.Abs(s.Faulty[i] - s.Golden[i]);
                }
        }
        return (golden, error);
    }

    /// <summary>The channels side by side with one empty column between them.</summary>
    public static double[,] Tile(double[][,] maps)
    {
        int h = maps[0].GetLength(0), w = maps[0].GetLength(1);
        var tiled = new double[h, maps.Length * (w + 1) - 1];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < tiled.GetLength(1); x++)
                tiled[y, x] = x % (w + 1) == w ? double.NaN : maps[x / (w + 1)][y, x % (w + 1)];
        return tiled;
    }

    public static void Draw(FigureSpec spec, ResultsSet results, string path)
    {
        var saved = Read(results.Observers!, spec.Layer!, spec.Position!);
        var candidates = saved.Select(s => (s, Maps: Maps(s))).Where(p => p.Maps is not null).ToList();
        if (candidates.Count == 0)
        {
            // Drawn anyway, so that the page says why: the saved values are not one whole [C, H, W] sample.
            var empty = PlotStyle.Create(spec.Title, "", "");
            empty.Add.Annotation($"SaveLast at this layer did not save one whole sample of a [N, C, H, W] tensor\n" +
                $"(shape {string.Join(" × ", saved.FirstOrDefault()?.Shape ?? [])}); raise its limit to C·H·W or more");
            PlotStyle.Save(empty, path);
            return;
        }
        var shown = candidates.OrderByDescending(p => p.Maps!.Value.Error.Sum(m => m.Cast<double>().Where(double.IsFinite).Sum())).First();
        var (goldenMaps, errorMaps) = shown.Maps!.Value;
        var golden = Tile(goldenMaps);
        var error = Tile(errorMaps);
        int h = golden.GetLength(0), width = golden.GetLength(1);
        var plot = PlotStyle.Create(spec.Title + $" (trial {shown.s.Trial})",
            $"channels 0–{goldenMaps.Length - 1} of the first sample, left to right",
            "top: golden values; bottom: |faulty − golden|");
        var top = plot.Add.Heatmap(golden);
        top.Colormap = new ScottPlot.Colormaps.Viridis();
        top.NaNCellColor = Colors.White;
        top.Rectangle = new CoordinateRect(0, width, h + 2, 2 * h + 2);
        var bottom = plot.Add.Heatmap(error);
        bottom.Colormap = new ScottPlot.Colormaps.Inferno();
        bottom.NaNCellColor = Colors.White;
        bottom.Rectangle = new CoordinateRect(0, width, 0, h);
        var goldenBar = plot.Add.ColorBar(top);
        goldenBar.Label = "golden";
        var errorBar = plot.Add.ColorBar(bottom);
        errorBar.Label = "|faulty − golden|";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.SetLimits(0, width, 0, 2 * h + 2);
        plot.Axes.SquareUnits();
        PlotStyle.Save(plot, path);
    }
}
