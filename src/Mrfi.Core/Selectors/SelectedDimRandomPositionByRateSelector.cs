using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Each value inside the listed indices of the listed dimensions with probability <c>rate</c> (count from Poisson(numel·rate·coverage)).</summary>
/// <remarks>coverage = Π over listed dimensions of |allowed| / size. MRFI overwrites its factor per dimension instead of
/// multiplying, so only the last listed dimension counts; <c>mrfi_compat = true</c> reproduces that.</remarks>
[MrfiComponent("SelectedDimRandomPositionByRate", Summary = "Each value with each listed dimension's coordinate inside the listed indices hit with probability rate (or ber × bits).")]
public sealed class SelectedDimRandomPositionByRateSelector : ISelector
{
    private readonly DimensionLists _dims;

    /// <summary>Creates the selector: the rate (per value, or per bit as ber), the count distribution, MRFI's factor bug on request, and index lists per dimension.</summary>
    public SelectedDimRandomPositionByRateSelector(double? rate = null, double? ber = null, bool poisson = true, bool mrfiCompat = false,
        long[]? instance = null, long[]? outChannel = null, long[]? d0 = null, long[]? @out = null,
        long[]? channel = null, long[]? inChannel = null, long[]? neuron = null, long[]? d1 = null, long[]? @in = null,
        long[]? height = null, long[]? d2 = null, long[]? width = null, long[]? d3 = null, long[]? d4 = null, ValueBits bits = default)
    {
        Rate = Rates.Resolve(rate, ber, bits, null, "SelectedDimRandomPositionByRate");
        Poisson = poisson;
        MrfiCompat = mrfiCompat;
        _dims = DimensionLists.From(
            (0, "instance", instance), (0, "out_channel", outChannel), (0, "d0", d0), (0, "out", @out),
            (1, "channel", channel), (1, "in_channel", inChannel), (1, "neuron", neuron), (1, "d1", d1), (1, "in", @in),
            (2, "height", height), (2, "d2", d2), (3, "width", width), (3, "d3", d3), (4, "d4", d4));
    }

    /// <summary>Per-value selection probability.</summary>
    public double Rate { get; }

    /// <summary>Whether the count is Poisson-distributed.</summary>
    public bool Poisson { get; }

    /// <summary>Whether MRFI's overwritten per-dimension factor is reproduced.</summary>
    public bool MrfiCompat { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        var allowed = _dims.Allowed(shape, masked: false);
        double coverage = MrfiCompat ? LastListedCoverage(shape, allowed) : DimensionSampler.Coverage(shape, allowed);
        long n = Rates.Count(Shapes.Numel(shape) * Rate * coverage, Poisson, generator);
        return DimensionSampler.Sample(shape, allowed, n, generator);
    }

    private static double LastListedCoverage(long[] shape, long[]?[] allowed)
    {
        for (int d = shape.Length - 1; d >= 0; d--)
            if (allowed[d] is { } a) return a.Length / (double)shape[d];
        return 1.0;
    }
}
