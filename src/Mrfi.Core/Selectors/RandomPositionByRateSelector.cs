using System.Buffers;
using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Selects each value with probability <c>rate</c>: draws the count (Poisson, or the rounded
/// expectation) and then that many uniform positions with replacement, as MRFI does — O(faults), not O(numel).</summary>
/// <remarks><c>rate</c> is per value; <c>ber</c> is per bit and becomes rate = ber × bits per value (the entry's
/// error model width). Unlike MRFI, a rate of exactly 0.1 is accepted (MRFI rejects it by an off-by-one). The count and
/// positions are drawn in managed code from a stream seeded by one draw of the generator (<see cref="ManagedRandom"/>).</remarks>
[MrfiComponent("RandomPositionByRate",
    Summary = "Each value with probability rate (or ber × bits): Poisson count, uniform positions; cost grows with the faults, not the " +
        "tensor.")]
public sealed class RandomPositionByRateSelector : ISelector, IExpectedFaults, IPositionSampler
{
    /// <summary>Creates the selector.</summary>
    /// <param name="rate">Per-value selection probability, 0 ≤ rate &lt; 1 (default 1e-4 when neither rate nor ber is given).</param>
    /// <param name="ber">Per-bit error rate; rate = ber × bits per value.</param>
    /// <param name="poisson">Draw the count from Poisson(numel·rate); otherwise round(numel·rate).</param>
    /// <param name="bits">Injected by the engine: bits per value.</param>
    public RandomPositionByRateSelector(double? rate = null, double? ber = null, bool poisson = true, ValueBits bits = default)
    {
        Rate = Rates.Resolve(rate, ber, bits, 1e-4, "RandomPositionByRate");
        Poisson = poisson;
    }

    /// <summary>Per-value selection probability.</summary>
    public double Rate { get; }

    /// <summary>Whether the fault count is Poisson-distributed.</summary>
    public bool Poisson { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator) => PositionSamples.AsTensor(this, shape, generator);

    (long[] Rented, int Count) IPositionSampler.Sample(long[] shape, Generator generator)
    {
        long numel = Shapes.Numel(shape);
        double expected = numel * Rate;
        if (numel == 0 || !(expected > 0)) return (ArrayPool<long>.Shared.Rent(1), 0);
        var random = ManagedRandom.From(generator);
        long n = Poisson ? Kernels.Poisson.Draw(expected, ref random) : (long)Math.Round(expected, MidpointRounding.ToEven);
        return PositionSamples.Uniform(n, numel, ref random);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => Shapes.Numel(shape) * Rate;
}
