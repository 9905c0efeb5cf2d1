using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>The reference Bernoulli selector: an independent trial for every value (O(numel)); kept, as in MRFI, to check the fast one
/// against.</summary>
[MrfiComponent("RandomPositionByRate_classic", Summary = "Reference Bernoulli selector: an independent trial per value (O(numel)).")]
public sealed class RandomPositionByRateClassicSelector : ISelector, IExpectedFaults
{
    /// <summary>Creates the selector.</summary>
    /// <param name="rate">Per-value selection probability (default 1e-4 when neither rate nor ber is given).</param>
    /// <param name="ber">Per-bit error rate; rate = ber × bits per value.</param>
    /// <param name="bits">Injected by the engine: bits per value.</param>
    public RandomPositionByRateClassicSelector(double? rate = null, double? ber = null, ValueBits bits = default) =>
        Rate = Rates.Resolve(rate, ber, bits, 1e-4, "RandomPositionByRate_classic");

    /// <summary>Per-value selection probability.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        // float64 draws resolve rates far below MRFI's float32 limit, so no thinning loop is needed.
        using var u = torch.rand(Shapes.Numel(shape), dtype: ScalarType.Float64, generator: generator);
        using var hit = u.lt(Rate);
        return hit.nonzero().reshape(-1);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => Shapes.Numel(shape) * Rate;
}
