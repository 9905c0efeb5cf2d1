namespace Mrfi.Core.Selectors;

/// <summary>Each value inside the listed indices of the listed dimensions with probability <c>rate</c> (count from
/// Poisson(numel·rate·coverage)).</summary>
/// <remarks>Dimension keys as in MRFI: instance/out_channel/d0/out, channel/in_channel/neuron/d1/in, height/d2, width/d3; d4 for
/// 5-D.</remarks>
[MrfiComponent("SelectedDimRandomPositionByRate",
    Summary = "Each value with each listed dimension's coordinate inside the listed indices hit with probability rate (or ber × bits).")]
public sealed class SelectedDimRandomPositionByRateSelector : DimensionByRateSelector
{
    /// <summary>Creates the selector: the rate (per value, or per bit as ber), the count distribution, MRFI's factor bug on request, and
    /// index lists per dimension.</summary>
    public SelectedDimRandomPositionByRateSelector(double? rate = null, double? ber = null, bool poisson = true, bool mrfiCompat = false,
        long[]? instance = null, long[]? outChannel = null, long[]? d0 = null, long[]? @out = null,
        long[]? channel = null, long[]? inChannel = null, long[]? neuron = null, long[]? d1 = null, long[]? @in = null,
        long[]? height = null, long[]? d2 = null, long[]? width = null, long[]? d3 = null, long[]? d4 = null, ValueBits bits = default)
        : base(Rates.Resolve(rate, ber, bits, null, "SelectedDimRandomPositionByRate"), poisson, mrfiCompat,
            DimensionLists.FromAliases(instance, outChannel, d0, @out, channel, inChannel, neuron, d1, @in, height, d2, width, d3, d4),
            masked: false) { }
}
