using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Base of the Masked/SelectedDim…ByRate selectors: a count from numel · rate · coverage, positions drawn per
/// dimension.</summary>
/// <remarks>coverage = Π over listed dimensions of |allowed| / size. MRFI overwrites its factor per dimension instead of
/// multiplying, so only the last listed dimension counts; <c>mrfi_compat = true</c> reproduces that.</remarks>
public abstract class DimensionByRateSelector : ISelector, IExpectedFaults
{
    private readonly DimensionLists _dims;
    private readonly bool _masked;

    private protected DimensionByRateSelector(double rate, bool poisson, bool mrfiCompat, DimensionLists dims, bool masked)
    {
        Rate = rate;
        Poisson = poisson;
        MrfiCompat = mrfiCompat;
        _dims = dims;
        _masked = masked;
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
        var allowed = _dims.Allowed(shape, _masked);
        long n = Rates.Count(Expected(shape, allowed), Poisson, generator);
        return DimensionSampler.Sample(shape, allowed, n, generator);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => Expected(shape, _dims.Allowed(shape, _masked));

    private double Expected(long[] shape, long[]?[] allowed) =>
        Shapes.Numel(shape) * Rate * (MrfiCompat ? LastListedCoverage(shape, allowed) : DimensionSampler.Coverage(shape, allowed));

    private static double LastListedCoverage(long[] shape, long[]?[] allowed)
    {
        for (int d = shape.Length - 1; d >= 0; d--)
            if (allowed[d] is { } a) return a.Length / (double)shape[d];
        return 1.0;
    }
}
