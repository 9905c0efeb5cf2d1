namespace Mrfi.Report;

/// <summary>What the bars, boxes and heat maps show per trial: the top-1 accuracy for a classifier, the SDC rate for outputs
/// compared as a tensor (<c>output = "tensor"</c>: there are no labels to be right about, and accuracy is NaN).</summary>
/// <param name="Name">How titles name it ("Accuracy", "SDC rate").</param>
/// <param name="Slug">How file names start ("accuracy", "sdc").</param>
/// <param name="Axis">The value axis' label.</param>
internal sealed record Measure(string Name, string Slug, string Axis)
{
    /// <summary>Top-1 accuracy of a trial.</summary>
    public static readonly Measure Accuracy = new("Accuracy", "accuracy", "top-1 accuracy (%)");

    /// <summary>SDCs per sample of a trial.</summary>
    public static readonly Measure SdcRate = new("SDC rate", "sdc", "SDC rate (% of samples)");

    /// <summary>Why no accuracy figure is drawn for tensor outputs.</summary>
    public const string NoAccuracy =
        "the outputs were compared as a tensor with the golden outputs (output = \"tensor\"): there is no accuracy; the RMSE and SDC/DUE " +
        "curves and the bars, boxes and heat maps of the SDC rate show the faults' effect";

    /// <summary>Why no RMSE curve is drawn for a classifier.</summary>
    public const string Classes = "drawn for outputs compared as a tensor; for class scores the accuracy curve shows the faults' effect " +
        "(trials.parquet's rmse column holds the RMSE of the logits)";

    /// <summary>Whether this is the accuracy (a golden accuracy line applies).</summary>
    public bool IsAccuracy => ReferenceEquals(this, Accuracy);

    /// <summary>The measure of <paramref name="results"/>.</summary>
    public static Measure For(ResultsSet results) => results.Classifies ? Accuracy : SdcRate;

    /// <summary>The value of trial row <paramref name="row"/> as a fraction.</summary>
    public double Of(Table t, int row) => IsAccuracy ? t.Double("accuracy", row)
        : t.Long("total", row) is var n && n > 0 ? t.Long("sdc", row) / (double)n : double.NaN;
}
