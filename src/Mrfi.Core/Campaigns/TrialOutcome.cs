namespace Mrfi.Core.Campaigns;

/// <summary>The per-sample outcome counts of one trial, summed over its batches by an <see cref="IOutputComparison"/>:
/// DUE-like (NaN/Inf), SDC, critical SDC, tolerable, masked (output identical), plus the deviation from the golden output.</summary>
internal sealed class TrialOutcome
{
    public long Correct, Top5, Changed, Masked, Tolerable, Sdc, Critical, Due;

    /// <summary>Σ (y − g)² over every element of the finite samples, and how many elements that is (for the RMSE).</summary>
    public double SquaredError;

    /// <summary>Elements summed into <see cref="SquaredError"/>.</summary>
    public long Elements;

    /// <summary>The largest relative deviation of a finite sample (see <see cref="OutputDeviation"/>); NaN before any.</summary>
    public double MaxDeviation = double.NaN;

    /// <summary>Root mean squared error against the golden output over the finite samples' elements; NaN when every sample is
    /// DUE.</summary>
    public double Rmse => Elements == 0 ? double.NaN : Math.Sqrt(SquaredError / Elements);

    /// <summary>Per output of a model with several (graph order): Σ (y − g)² over the finite samples, as
    /// <see cref="SquaredError"/>.</summary>
    public double[] OutputSquaredError = [];

    /// <summary>Per output: the elements summed into <see cref="OutputSquaredError"/>.</summary>
    public long[] OutputElements = [];

    /// <summary>The RMSE of each output in graph order; one output: <see cref="Rmse"/> alone.</summary>
    public IReadOnlyList<double> OutputRmse => OutputElements.Length == 0 ? [Rmse]
        : [.. OutputElements.Select((n, i) => n == 0 ? double.NaN : Math.Sqrt(OutputSquaredError[i] / n))];
}
