using Mrfi.Core.Configuration;

namespace Mrfi.Core.Campaigns;

/// <summary>One row of trials.parquet: one pass over the data under one sweep point and repeat.</summary>
/// <param name="Trial">0-based trial number (point × repeats + repeat).</param>
/// <param name="Point">Sweep point.</param>
/// <param name="Repeat">Repeat within the point.</param>
/// <param name="Seed">The seed of this trial's generator (derived from the campaign seed and the trial number).</param>
/// <param name="Sweep">Sweep variable values (numbers and texts).</param>
/// <param name="Accuracy">Top-1 accuracy with faults; NaN when the outputs are not class scores (<see cref="Output"/> = tensor).</param>
/// <param name="GoldenAccuracy">Top-1 accuracy of the golden (quantized, fault-free) run of this point.</param>
/// <param name="FloatAccuracy">Top-1 accuracy of the float model (no quantization, no faults).</param>
/// <param name="Correct">Correct predictions with faults.</param>
/// <param name="Total">Samples.</param>
/// <param name="Changed">Predictions that differ from the golden run's.</param>
/// <param name="Faults">Values hit by faults, over all forwards of the trial.</param>
/// <param name="ElapsedSeconds">Wall time of the trial.</param>
/// <param name="FinishedAt">When the trial finished (UTC).</param>
public sealed record TrialRecord(
    long Trial, int Point, int Repeat, long Seed, SweepValues Sweep,
    double Accuracy, double GoldenAccuracy, double FloatAccuracy, long Correct, long Total, long Changed, long Faults,
    double ElapsedSeconds, DateTime FinishedAt)
{
    /// <summary>Samples whose label is among the top five outputs (top-k with k = min(5, classes)).</summary>
    public long Top5Correct { get; init; }

    /// <summary>Samples whose output equals the golden output exactly (the faults were masked).</summary>
    public long Masked { get; init; }

    /// <summary>Samples whose output changed but whose prediction did not.</summary>
    public long Tolerable { get; init; }

    /// <summary>Silent data corruptions: finite outputs whose prediction changed.</summary>
    public long Sdc { get; init; }

    /// <summary>SDCs where the golden prediction was correct and the faulty one is wrong.</summary>
    public long CriticalSdc { get; init; }

    /// <summary>Samples with NaN or ±Inf in the output (DUE-like: a real system would likely detect them).</summary>
    public long Due { get; init; }

    /// <summary>How outputs were compared: <c>classes</c> (accuracy; SDC = prediction changed) or <c>tensor</c> (SDC = relative
    /// deviation above [model] tolerance; accuracy, top-5 and critical SDCs do not apply).</summary>
    public string Output { get; init; } = "classes";

    /// <summary>Whether the outputs are class scores, so that accuracy, top-5 and critical SDCs mean something.</summary>
    public bool Classifies => Output == "classes";

    /// <summary>Root mean squared error of the outputs against the golden outputs over the finite samples; NaN when all are DUE.</summary>
    public double Rmse { get; init; } = double.NaN;

    /// <summary>The largest per-sample relative deviation from the golden output among the finite samples; NaN when all are DUE.</summary>
    public double MaxDeviation { get; init; } = double.NaN;

    /// <summary>The RMSE of each model output in graph order (the names are manifest.json's <c>outputs</c>); one output:
    /// <see cref="Rmse"/> alone. Empty in records read from files written before the column existed.</summary>
    public IReadOnlyList<double> OutputRmse { get; init; } = [];
}
