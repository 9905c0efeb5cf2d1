namespace Mrfi.Report;

/// <summary>The figure types a report can hold (docs/report.md says when each is drawn).</summary>
internal enum FigureKind
{
    /// <summary>Accuracy against a rate or numeric sweep variable, with 95 % bands (paper Fig. 2, 7).</summary>
    AccuracyCurve,

    /// <summary>SDC, critical SDC and DUE rates against the same variable, with t-interval bands across trials.</summary>
    OutcomeCurve,

    /// <summary>Accuracy per flipped bit (paper Fig. 8).</summary>
    BitBars,

    /// <summary>Accuracy per faulty layer (layer-wise sensitivity).</summary>
    LayerBars,

    /// <summary>Per-trial observer error (or accuracy) per channel as box plots (paper Fig. 9).</summary>
    ChannelBoxes,

    /// <summary>Accuracy per faulty pixel as a heat map (paper Fig. 10).</summary>
    PixelHeatmap,

    /// <summary>An observer metric per layer as bars (paper Fig. 3, 4, 6).</summary>
    ObserverBars,

    /// <summary>Golden values and errors of one layer's feature maps from a SaveLast observer (Fig. 5).</summary>
    FeatureMaps,

    /// <summary>Mean RMSE of the outputs against the golden outputs vs the same variable as the curves (outputs compared as a
    /// tensor).</summary>
    RmseCurve,
}
