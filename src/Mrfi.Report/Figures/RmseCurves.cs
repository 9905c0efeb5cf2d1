using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>The RMSE curves of a tensor-output campaign, on a log10 value axis when their means span more than two decades:
/// a bit flip in a float's exponent gives an RMSE of 1e37 next to 1e-3 at a lower rate, which a linear axis flattens to zero.</summary>
internal static class RmseCurves
{
    public static void Draw(Plot plot,
        IReadOnlyList<(string Name, double[] Xs, IReadOnlyList<(double Mean, double Low, double High)> Values)> curves)
    {
        var positive = curves.SelectMany(c => c.Values).Select(v => v.Mean).Where(m => double.IsFinite(m) && m > 0).ToList();
        bool log = positive.Count > 0 && positive.Max() / positive.Min() > 100;
        double floor = log ? Math.Floor(Math.Log10(positive.Min())) : 0;
        int colour = 0;
        bool zeros = false;
        foreach (var (name, xs, values) in curves)
        {
            if (!log)
            {
                CurveFigure.Curve(plot, xs, [.. values.Select(v => v.Mean)], [.. values.Select(v => Math.Max(0, v.Low))],
                    [.. values.Select(v => v.High)], name, PlotStyle.Color(colour++));
                continue;
            }
            // A mean of 0 (every sample masked) has no place on a log axis: no point, and the legend says so; a band
            // reaching 0 or below stops at the axis' floor.
            var kept = Enumerable.Range(0, xs.Length).Where(i => values[i].Mean > 0).ToList();
            zeros |= kept.Count < xs.Length;
            CurveFigure.Curve(plot, [.. kept.Select(i => xs[i])], [.. kept.Select(i => Math.Log10(values[i].Mean))],
                [.. kept.Select(i => values[i].Low > 0 ? Math.Max(floor, Math.Log10(values[i].Low)) : double.IsNaN(values[i].Low)
                    ? double.NaN : floor)],
                [.. kept.Select(i => Math.Log10(values[i].High))], name, PlotStyle.Color(colour++));
        }
        if (!log) return;
        double top = Math.Ceiling(Math.Log10(positive.Max()));
        PlotStyle.LogTicks(plot.Axes.Left, floor, top);
        plot.Axes.SetLimitsY(floor, top + 0.1);
        plot.Axes.Left.Label.Text += " (log scale)";
        if (zeros) plot.Legend.ManualItems.Add(new LegendItem { LabelText = "no point: RMSE 0 (every sample masked)" });
    }
}
