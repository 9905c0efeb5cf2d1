using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Replaces values with uniform integers in [low, high).</summary>
[MrfiComponent("IntRandom", Summary = "Replaces values with uniform integers in [low, high).")]
public sealed class IntRandomErrorModel : IErrorModel
{
    /// <summary>Creates the model; see the class summary for the parameters.</summary>
    public IntRandomErrorModel(long low = 0, long high = 128)
    {
        RandomValues.CheckInterval(low, high);
        Low = low;
        High = high;
    }

    /// <summary>Lower bound (inclusive).</summary>
    public long Low { get; }

    /// <summary>Upper bound (exclusive).</summary>
    public long High { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator) => RandomValues.Integers(values, generator, Low, High);
}
