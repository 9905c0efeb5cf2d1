using ScottPlot;

namespace Mrfi.Report.Figures;

/// <summary>Size, fonts and axes shared by every figure, so that all PNGs read alike.</summary>
internal static class PlotStyle
{
    public const int Width = 1000;
    public const int Height = 600;

    /// <summary>DejaVu Sans ships with Debian's fontconfig; ScottPlot falls back to its default where it is missing.</summary>
    private const string FontName = "DejaVu Sans";

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 16);
        plot.YLabel(yLabel, size: 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 14;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        return plot;
    }

    public static void Save(Plot plot, string path) => plot.SavePng(path, Width, Height);

    public static Color Color(int i) => new ScottPlot.Palettes.Category10().GetColor(i);

    /// <summary>Ticks for an axis whose coordinates are log10 of the data: majors at each decade labelled 1e-6, 1e-5, …,
    /// minors at 2…9 × 10^k. ScottPlot 5 has no log scale of its own; this is its documented way to draw one.</summary>
    public static void LogTicks(IAxis axis, double minLog, double maxLog)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int d = (int)Math.Floor(minLog); d <= (int)Math.Ceiling(maxLog); d++)
        {
            ticks.AddMajor(d, Format.Exponent(Math.Pow(10, d)));
            for (int k = 2; k <= 9; k++) ticks.AddMinor(d + Math.Log10(k));
        }
        axis.TickGenerator = ticks;
    }

    /// <summary>Category ticks at integer positions.</summary>
    public static void CategoryTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < positions.Count; i++) ticks.AddMajor(positions[i], labels[i]);
        axis.TickGenerator = ticks;
        // Names that do not fit side by side (ResNet's layer1.0.conv1 …) are turned 45° and the axis made tall enough for them.
        var style = axis.TickLabelStyle;
        using var paint = Paint.NewDisposablePaint();
        float widest = labels.Count == 0 ? 0 : labels.Max(l => style.Measure(l, paint).Size.Width);
        float room = 880f / Math.Max(1, labels.Count);
        if (widest <= room * 0.9f) return;
        style.Rotation = 45;
        style.Alignment = Alignment.MiddleLeft;
        axis.MinimumSize = widest * 0.75f + 30;
    }

    /// <summary>Ticks at whole numbers 0 … count-1, thinned to about 15 labels.</summary>
    public static void IntegerTicks(IAxis axis, int count)
    {
        int step = Math.Max(1, (int)Math.Ceiling(count / 15.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < count; i += step) ticks.AddMajor(i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        axis.TickGenerator = ticks;
    }

    /// <summary>Axis label of a sweep variable, with its unit where the name implies one.</summary>
    public static string AxisLabel(Variable v) => v.Kind switch
    {
        VariableKind.Rate when v.PerBit => $"bit error rate, {v.Name} (flips per bit{(v.LogScale ? ", log scale" : "")})",
        VariableKind.Bit => $"{v.Name} (bit position, 0 = least significant)",
        VariableKind.Channel when v.IsNumeric => $"{v.Name} (channel index)",
        VariableKind.Layer when v.IsNumeric => $"{v.Name} (layer index)",
        _ => v.LogScale ? $"{v.Name} (log scale)" : v.Name,
    };
}
