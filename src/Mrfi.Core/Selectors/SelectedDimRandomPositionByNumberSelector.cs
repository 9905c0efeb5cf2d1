namespace Mrfi.Core.Selectors;

/// <summary>n positions whose coordinate in each listed dimension is uniform inside the listed indices (other dimensions:
/// anywhere).</summary>
/// <remarks>Dimension keys as in MRFI: instance/out_channel/d0/out, channel/in_channel/neuron/d1/in, height/d2, width/d3; d4 for
/// 5-D.</remarks>
[MrfiComponent("SelectedDimRandomPositionByNumber",
    Summary = "n positions with each listed dimension's coordinate inside the listed indices (any rank).")]
public sealed class SelectedDimRandomPositionByNumberSelector : DimensionByNumberSelector
{
    /// <summary>Creates the selector: <paramref name="n"/> positions, and index lists per dimension (see the class remarks).</summary>
    public SelectedDimRandomPositionByNumberSelector(int n = 1, long[]? instance = null, long[]? outChannel = null, long[]? d0 = null,
        long[]? @out = null,
        long[]? channel = null, long[]? inChannel = null, long[]? neuron = null, long[]? d1 = null, long[]? @in = null,
        long[]? height = null, long[]? d2 = null, long[]? width = null, long[]? d3 = null, long[]? d4 = null)
        : base(n, DimensionLists.FromAliases(instance, outChannel, d0, @out, channel, inChannel, neuron, d1, @in, height, d2, width, d3,
            d4), masked: false) { }
}
