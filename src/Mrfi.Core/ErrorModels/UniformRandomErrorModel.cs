using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Replaces values with uniform floats in [low, high).</summary>
[MrfiComponent("UniformRandom", Summary = "Replaces values with uniform floats in [low, high).")]
public sealed class UniformRandomErrorModel : IErrorModel
{
    /// <summary>Creates the model; see the class summary for the parameters.</summary>
    public UniformRandomErrorModel(double low = -1, double high = 1)
    {
        RandomValues.CheckInterval(low, high);
        Low = low;
        High = high;
    }

    /// <summary>Lower bound (inclusive).</summary>
    public double Low { get; }

    /// <summary>Upper bound (exclusive).</summary>
    public double High { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator) => RandomValues.Uniform(values, generator, Low, High);
}
