using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>n positions whose coordinate in each listed dimension is uniform outside the listed indices (other dimensions: anywhere).</summary>
/// <remarks>Dimension keys as in MRFI: instance/out_channel/d0/out, channel/in_channel/neuron/d1/in, height/d2, width/d3; d4 for 5-D.</remarks>
[MrfiComponent("MaskedDimRandomPositionByNumber", Summary = "n positions with each listed dimension's coordinate outside the listed indices (any rank).")]
public sealed class MaskedDimRandomPositionByNumberSelector : ISelector
{
    private readonly DimensionLists _dims;

    /// <summary>Creates the selector: <paramref name="n"/> positions, and index lists per dimension (see the class remarks).</summary>
    public MaskedDimRandomPositionByNumberSelector(int n = 1, long[]? instance = null, long[]? outChannel = null, long[]? d0 = null, long[]? @out = null,
        long[]? channel = null, long[]? inChannel = null, long[]? neuron = null, long[]? d1 = null, long[]? @in = null,
        long[]? height = null, long[]? d2 = null, long[]? width = null, long[]? d3 = null, long[]? d4 = null)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be 0 or more");
        N = n;
        _dims = DimensionLists.From(
            (0, "instance", instance), (0, "out_channel", outChannel), (0, "d0", d0), (0, "out", @out),
            (1, "channel", channel), (1, "in_channel", inChannel), (1, "neuron", neuron), (1, "d1", d1), (1, "in", @in),
            (2, "height", height), (2, "d2", d2), (3, "width", width), (3, "d3", d3), (4, "d4", d4));
    }

    /// <summary>Number of positions.</summary>
    public int N { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator) => DimensionSampler.Sample(shape, _dims.Allowed(shape, masked: true), N, generator);
}
