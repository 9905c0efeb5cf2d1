using Serilog;

namespace Mrfi.Core.Selectors;

/// <summary>Resolves a selection rate given per value (<c>rate</c>) or per bit (<c>ber</c>): rate = ber × bits per value.</summary>
internal static class Rates
{
    public static double Resolve(double? rate, double? ber, ValueBits bits, double? fallback, string selector)
    {
        if (rate is not null && ber is not null)
            throw new ArgumentException("give either rate (per value) or ber (per bit), not both", nameof(ber));
        double resolved;
        if (ber is double b)
        {
            if (!(b >= 0 && b < 1)) throw new ArgumentOutOfRangeException(nameof(ber), b, "ber must be at least 0 and below 1");
            if (bits.Bits <= 0)
                throw new ArgumentException("ber needs the bits per value, which this entry does not define (no integer error model or " +
                    "quantizer); give rate instead", nameof(ber));
            resolved = b * bits.Bits;
            if (resolved >= 1)
                throw new ArgumentOutOfRangeException(nameof(ber), b,
                    $"ber {b} × {bits.Bits} bits per value = rate {resolved}, which must be below 1");
        }
        else resolved = rate ?? fallback
            ?? throw new ArgumentException($"{selector} needs rate (per value) or ber (per bit)", nameof(rate));
        if (!(resolved >= 0 && resolved < 1))
            throw new ArgumentOutOfRangeException(nameof(rate), resolved, "rate must be at least 0 and below 1");
        if (resolved > 0.1) Log.Warning("{Selector}: rate {Rate} is large (above 0.1); many values will be hit", selector, resolved);
        return resolved;
    }

    /// <summary>The number of faults for an expectation: a Poisson draw, or the expectation rounded half to even (as MRFI).</summary>
    public static long Count(double expected, bool poisson, TorchSharp.torch.Generator generator)
    {
        if (expected <= 0) return 0;
        if (!poisson) return (long)Math.Round(expected, MidpointRounding.ToEven);
        using var lambda = TorchSharp.torch.tensor(expected, dtype: TorchSharp.torch.ScalarType.Float64);
        using var draw = TorchSharp.torch.poisson(lambda, generator);
        return (long)draw.item<double>();
    }
}
