namespace Mrfi.Report;

/// <summary>Chooses the figures from what the campaign swept and observed (rules in docs/report.md). Every figure type
/// that is not drawn gets a reason, so that nothing is left out silently.</summary>
internal static class FigurePlanner
{
    /// <summary>More curves or bar colours than this do not read; the figure averages over those variables instead.</summary>
    public const int MaxSeries = 8;

    /// <summary>At most this many observer bar charts; the rest are named in the summary.</summary>
    public const int MaxObserverFigures = 6;

    /// <summary>The figures and the figure types not drawn, with why. <paramref name="measure"/> is what bars, boxes and heat
    /// maps show: the accuracy, or for tensor outputs the SDC rate (then an RMSE curve takes the accuracy curve's place).</summary>
    public static (IReadOnlyList<FigureSpec> Figures, IReadOnlyList<SkippedFigure> Skipped) Plan(IReadOnlyList<Variable> variables,
        ObserverIndex observers, Measure measure)
    {
        var figures = new List<FigureSpec>();
        var skipped = new List<SkippedFigure>();
        var varying = variables.Where(v => v.Varies).ToList();
        string swept = varying.Count == 0 ? "nothing varies" : "varies: " + string.Join(", ", varying.Select(v => v.Name));
        var pixel = PixelAxes(varying);
        var axis = varying.FirstOrDefault(v => v.Kind == VariableKind.Rate)
            ?? varying.FirstOrDefault(v => v.Kind == VariableKind.Numeric && v.IsNumeric);

        if (axis is not null)
        {
            var (series, notes) = SeriesFor(varying, axis, pixel);
            if (measure.IsAccuracy)
                figures.Add(new FigureSpec(FigureKind.AccuracyCurve, $"accuracy-vs-{Slug(axis.Name)}.png",
                    $"Accuracy vs {axis.Name}") { X = axis, Series = series, Notes = notes });
            else
                figures.Add(new FigureSpec(FigureKind.RmseCurve, $"rmse-vs-{Slug(axis.Name)}.png",
                    $"RMSE of the outputs vs {axis.Name}") { X = axis, Series = series, Notes = notes });
            figures.Add(new FigureSpec(FigureKind.OutcomeCurve, $"outcomes-vs-{Slug(axis.Name)}.png",
                series.Count == 0 ? $"SDC and DUE rates vs {axis.Name}" : $"SDC rate vs {axis.Name}") { X = axis, Series = series,
                    Notes = notes });
        }
        else
        {
            string reason = $"needs a swept rate (ber, rate, …) or other number ({swept})";
            skipped.Add(new SkippedFigure(measure.IsAccuracy ? FigureKind.AccuracyCurve : FigureKind.RmseCurve, reason));
            skipped.Add(new SkippedFigure(FigureKind.OutcomeCurve, reason));
        }
        if (!measure.IsAccuracy) skipped.Add(new SkippedFigure(FigureKind.AccuracyCurve, Measure.NoAccuracy));
        else skipped.Add(new SkippedFigure(FigureKind.RmseCurve, Measure.Classes));

        foreach (var (kind, varKind, name) in new[] { (FigureKind.BitBars, VariableKind.Bit, "bit"),
            (FigureKind.LayerBars, VariableKind.Layer, "layer") })
        {
            var v = varying.FirstOrDefault(x => x.Kind == varKind);
            if (v is null) { skipped.Add(new SkippedFigure(kind, $"needs a swept '{name}' variable ({swept})")); continue; }
            var (series, notes) = SeriesFor(varying, v, pixel);
            figures.Add(new FigureSpec(kind, $"{measure.Slug}-by-{Slug(v.Name)}.png", $"{measure.Name} by {name}") { X = v, Series = series,
                Notes = notes });
        }

        var channel = varying.FirstOrDefault(x => x.Kind == VariableKind.Channel);
        if (channel is null) skipped.Add(new SkippedFigure(FigureKind.ChannelBoxes, $"needs a swept 'channel' variable ({swept})"));
        else figures.Add(ChannelFigure(channel, varying, observers, measure));

        if (pixel is { } p)
        {
            var others = varying.Where(v => v != p.X && v != p.Y).Select(v => $"averaged over {v.Name}").ToList();
            figures.Add(new FigureSpec(FigureKind.PixelHeatmap, $"{measure.Slug}-by-pixel.png",
                $"{measure.Name} by faulty pixel") { X = p.X, Y = p.Y, Notes = others });
        }
        else skipped.Add(new SkippedFigure(FigureKind.PixelHeatmap, $"needs swept 'x' and 'y' (or a square 'pixel' index) ({swept})"));

        if (observers.Metrics.Count == 0)
            skipped.Add(new SkippedFigure(FigureKind.ObserverBars,
                observers.Vectors.Count == 0 ? "the results hold no observer rows" : "the results hold only vector observers"));
        var nonPixel = varying.Where(v => v != pixel?.X && v != pixel?.Y).ToList();
        // Bars of one colour per value of the swept rate (Fig. 3, 4) or, without one, of a label such as the quantization (Fig. 6).
        var group = axis is not null && axis.Values.Count <= MaxSeries ? axis
            : nonPixel.Where(v => v.Values.Count <= MaxSeries).OrderBy(v => v.Kind == VariableKind.Label ? 0 : 1).FirstOrDefault();
        // Too many values for colours, and the metric observed at one layer only: bars across the values instead.
        var across = group is not null ? null
            : nonPixel.OrderBy(v => v.Kind switch { VariableKind.Layer => 0, VariableKind.Channel => 1, VariableKind.Bit => 2,
                VariableKind.Label => 3, _ => 4 }).FirstOrDefault();
        foreach (var (observer, metric) in observers.Metrics.Take(MaxObserverFigures))
        {
            string name = ObserverIndex.Name(observer, metric);
            var layers = observers.Layers[(observer, metric)];
            if (across is not null && layers.Count == 1)
            {
                string at = ObserverIndex.LayerLabel(layers[0].Layer, layers[0].Position);
                figures.Add(new FigureSpec(FigureKind.ObserverBars, $"observer-{Slug(name)}.png", $"{name} at {at} by {across.Name}")
                {
                    X = across, Across = true, Observer = observer, Metric = metric,
                    Notes = varying.Where(v => v != across).Select(v => $"averaged over {v.Name}").ToList(),
                });
                continue;
            }
            figures.Add(new FigureSpec(FigureKind.ObserverBars, $"observer-{Slug(name)}.png", $"{name} per layer")
            {
                X = group, Observer = observer, Metric = metric,
                Notes = varying.Where(v => v != group).Select(v => $"averaged over {v.Name}").ToList(),
            });
        }
        foreach (var (observer, metric) in observers.Metrics.Skip(MaxObserverFigures))
            skipped.Add(new SkippedFigure(FigureKind.ObserverBars,
                $"{observer} ({metric}): more than {MaxObserverFigures} observer metrics; only the first {MaxObserverFigures} are drawn"));
        // Fig. 5: feature maps of the layers a SaveLast observer saved (drawn when the values hold one whole sample).
        foreach (var (layer, position) in observers.SaveLastLayers.Take(MaxObserverFigures))
        {
            figures.Add(new FigureSpec(FigureKind.FeatureMaps, $"featuremaps-{Slug(ObserverIndex.LayerLabel(layer, position))}.png",
                $"Feature maps at {ObserverIndex.LayerLabel(layer, position)}")
            {
                Layer = layer, Position = position,
            });
        }
        if (observers.SaveLastLayers.Count == 0)
            skipped.Add(new SkippedFigure(FigureKind.FeatureMaps, "needs a SaveLast observer on a layer with [N, C, H, W] outputs"));
        foreach (var (layer, position) in observers.SaveLastLayers.Skip(MaxObserverFigures))
            skipped.Add(new SkippedFigure(FigureKind.FeatureMaps,
                $"SaveLast at {ObserverIndex.LayerLabel(layer, position)}: more than {MaxObserverFigures} layers; only the first " +
                $"{MaxObserverFigures} are drawn"));
        foreach (var (observer, layer, position, trials) in observers.NeverRan)
            skipped.Add(new SkippedFigure(FigureKind.ObserverBars,
                $"{observer} at {ObserverIndex.LayerLabel(layer, position)}: the module never ran in {trials} trial(s), whose values are " +
                $"null (nothing was measured); left out"));
        foreach (var (observer, metric) in observers.Vectors.Where(v => v.Observer != "SaveLast"))
            skipped.Add(new SkippedFigure(FigureKind.ObserverBars,
                $"{observer} ({metric}) is a vector per trial (has an index); query observers.parquet for it"));
        return (figures, skipped);
    }

    private static FigureSpec ChannelFigure(Variable channel, List<Variable> varying, ObserverIndex observers, Measure measure)
    {
        var notes = varying.Where(v => v != channel).Select(v => $"pooled over {v.Name}").ToList();
        // The paper's channel figure shows the error the channel causes at the output: the last layer the preferred
        // metric observes (RMSE first, then any scalar metric); without observers, the accuracy (or SDC rate) of each trial.
        var metric = observers.Metrics.OrderBy(m => m.Metric.Equals("rmse", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Cast<(string, string)?>().FirstOrDefault();
        if (metric is not { } m)
            return new FigureSpec(FigureKind.ChannelBoxes, $"boxes-by-{Slug(channel.Name)}.png", $"{measure.Name} per trial by channel")
                { X = channel, Notes = notes };
        var (layer, position) = observers.Layers[m].Last();
        return new FigureSpec(FigureKind.ChannelBoxes, $"boxes-by-{Slug(channel.Name)}.png",
            $"{ObserverIndex.Name(m.Item1, m.Item2)} at {ObserverIndex.LayerLabel(layer, position)} by channel")
        {
            X = channel, Observer = m.Item1, Metric = m.Item2, Layer = layer, Position = position, Notes = notes,
        };
    }

    /// <summary>x and y pixel variables, or a square flat pixel index (y = index / side, x = index mod side).</summary>
    private static (Variable X, Variable? Y)? PixelAxes(List<Variable> varying)
    {
        var x = varying.FirstOrDefault(v => v.Kind == VariableKind.PixelX);
        var y = varying.FirstOrDefault(v => v.Kind == VariableKind.PixelY);
        if (x is not null && y is not null) return (x, y);
        var flat = varying.FirstOrDefault(v => v.Kind == VariableKind.Pixel && v.IsNumeric);
        if (flat is null) return null;
        double max = flat.Numbers.Max();
        int side = (int)Math.Round(Math.Sqrt(max + 1));
        return side * side == (int)max + 1 && flat.Numbers.All(n => n >= 0 && n == Math.Floor(n)) ? (flat, null) : null;
    }

    /// <summary>The other varying variables as series, unless there are too many combinations or they are pixel axes.</summary>
    private static (IReadOnlyList<Variable> Series, IReadOnlyList<string> Notes) SeriesFor(List<Variable> varying, Variable axis,
        (Variable X, Variable? Y)? pixel)
    {
        var others = varying.Where(v => v != axis && v != pixel?.X && v != pixel?.Y).ToList();
        var notes = varying.Where(v => v != axis && (v == pixel?.X || v == pixel?.Y)).Select(v => $"averaged over {v.Name}").ToList();
        long combinations = others.Aggregate(1L, (n, v) => n * v.Values.Count);
        if (combinations <= MaxSeries) return (others, notes);
        // Keep as many leading variables as fit, average over the rest.
        var kept = new List<Variable>();
        long n = 1;
        foreach (var v in others)
        {
            if (n * v.Values.Count > MaxSeries) { notes.Add($"averaged over {v.Name} (too many values for one curve each)"); continue; }
            n *= v.Values.Count;
            kept.Add(v);
        }
        return (kept, notes);
    }

    /// <summary>A file-name part: "MinMax (min)" → "minmax-min".</summary>
    public static string Slug(string name) =>
        string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
