using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>How far a trial's outputs are from the golden outputs, per sample, in float64.</summary>
/// <remarks>The relative deviation of sample i is max_j |y_ij − g_ij| / max(max_j |g_ij|, ε), ε = 1e-30: the largest
/// change of any element measured against the sample's largest golden magnitude. Dividing element-wise instead would make a
/// change of 1e-6 on a golden value of 1e-9 (common after ReLU or in detection heads) a deviation of 1000; the sample's
/// ∞-norm keeps the measure scale-free without that blow-up. ε only guards an all-zero golden output, where any change is
/// then an SDC.</remarks>
internal static class OutputDeviation
{
    /// <summary>Guards the division for an all-zero golden sample.</summary>
    public const double Epsilon = 1e-30;

    /// <summary>Per sample [N]: true where every element of the output is finite.</summary>
    public static Tensor Finite(Tensor output) => Flat(output).isfinite().all(1);

    /// <summary>Per sample [N]: true where the output equals the golden output element for element.</summary>
    public static Tensor Identical(Tensor output, Tensor golden) => Flat(output).eq(Flat(golden)).all(1);

    /// <summary>Per sample [N], float64: the relative deviation defined above (meaningful only for finite samples).</summary>
    public static Tensor Relative(Tensor output, Tensor golden)
    {
        var y = Flat(output).to_type(ScalarType.Float64);
        var g = Flat(golden).to_type(ScalarType.Float64);
        var scale = g.abs().amax([1]).clamp_min(Epsilon);
        return y.sub(g).abs().amax([1]).div(scale);
    }

    /// <summary>Adds the finite samples' squared errors and largest relative deviation to <paramref name="outcome"/>.</summary>
    public static void Accumulate(TrialOutcome outcome, Tensor output, Tensor golden, Tensor finite, Tensor relative)
    {
        var (squares, elements) = SquaredError(output, golden, finite);
        if (elements == 0) return;
        outcome.SquaredError += squares;
        outcome.Elements += elements;
        double max = relative[finite].max().item<double>();
        outcome.MaxDeviation = double.IsNaN(outcome.MaxDeviation) ? max : Math.Max(outcome.MaxDeviation, max);
    }

    /// <summary>Σ (y − g)² in float64 over every element of the <paramref name="finite"/> samples, and how many elements that
    /// is.</summary>
    public static (double Squares, long Elements) SquaredError(Tensor output, Tensor golden, Tensor finite)
    {
        if (finite.sum().item<long>() == 0) return (0, 0);
        var y = Flat(output).to_type(ScalarType.Float64)[finite];
        var g = Flat(golden).to_type(ScalarType.Float64)[finite];
        return (y.sub(g).square().sum().item<double>(), y.numel());
    }

    /// <summary>[N, …] as [N, M]; a 1-D output [N] is one value per sample.</summary>
    private static Tensor Flat(Tensor t) => t.dim() == 1 ? t.unsqueeze(1) : t.flatten(1);
}
