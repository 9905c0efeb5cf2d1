using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Base of the Masked/SelectedDim…ByNumber selectors: n positions drawn per dimension from the allowed indices.</summary>
public abstract class DimensionByNumberSelector : ISelector, IExpectedFaults
{
    private readonly DimensionLists _dims;
    private readonly bool _masked;

    private protected DimensionByNumberSelector(int n, DimensionLists dims, bool masked)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be 0 or more");
        N = n;
        _dims = dims;
        _masked = masked;
    }

    /// <summary>Number of positions.</summary>
    public int N { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator) => DimensionSampler.Sample(shape, _dims.Allowed(shape, _masked), N, generator);

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => N;
}
