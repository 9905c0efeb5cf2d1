using Serilog;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Selects each value with probability <c>rate</c>: draws the count (Poisson, or the rounded
/// expectation) and then that many uniform positions with replacement, as MRFI does.</summary>
/// <remarks><c>rate</c> is per value, so for b-bit values BER = rate / b. Unlike MRFI, a rate of
/// exactly 0.1 is accepted (MRFI rejects it by an off-by-one).</remarks>
[MrfiComponent("RandomPositionByRate")]
public sealed class RandomPositionByRateSelector : ISelector
{
    /// <summary>Creates the selector.</summary>
    /// <param name="rate">Per-value selection probability, 0 ≤ rate &lt; 1.</param>
    /// <param name="poisson">Draw the count from Poisson(numel·rate); otherwise round(numel·rate).</param>
    public RandomPositionByRateSelector(double rate = 1e-4, bool poisson = true)
    {
        if (!(rate >= 0 && rate < 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be at least 0 and below 1");
        if (rate > 0.1) Log.Warning("RandomPositionByRate: rate {Rate} is large (above 0.1); many values will be hit", rate);
        Rate = rate;
        Poisson = poisson;
    }

    /// <summary>Per-value selection probability.</summary>
    public double Rate { get; }

    /// <summary>Whether the fault count is Poisson-distributed.</summary>
    public bool Poisson { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        long numel = Shapes.Numel(shape);
        double expected = numel * Rate;
        long n;
        if (Rate == 0 || numel == 0) n = 0;
        else if (Poisson)
        {
            using var lambda = torch.tensor(expected, dtype: ScalarType.Float64);
            using var draw = torch.poisson(lambda, generator);
            n = (long)draw.item<double>();
        }
        else n = (long)Math.Round(expected, MidpointRounding.ToEven);
        return torch.randint(0, Math.Max(numel, 1), [n], dtype: ScalarType.Int64, generator: generator);
    }
}
