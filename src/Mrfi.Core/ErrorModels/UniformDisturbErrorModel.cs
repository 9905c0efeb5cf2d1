using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Adds uniform noise in [low, high) to the values.</summary>
[MrfiComponent("UniformDisturb", Summary = "Adds uniform noise in [low, high) to the values.")]
public sealed class UniformDisturbErrorModel : IErrorModel
{
    /// <summary>Creates the model; see the class summary for the parameters.</summary>
    public UniformDisturbErrorModel(double low = -1, double high = 1)
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
    public Tensor Apply(Tensor values, Generator generator)
    {
        using var noise = RandomValues.Uniform(values, generator, Low, High);
        return values.add(noise);
    }
}
