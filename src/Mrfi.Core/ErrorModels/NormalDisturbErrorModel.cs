using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Adds normal noise N(bias, std²) to the values.</summary>
[MrfiComponent("NormalDisturb", Summary = "Adds normal noise N(bias, std²) to the values.")]
public sealed class NormalDisturbErrorModel : IErrorModel
{
    /// <summary>Creates the model; see the class summary for the parameters.</summary>
    public NormalDisturbErrorModel(double std = 1, double bias = 0)
    {
        if (!(std >= 0)) throw new ArgumentOutOfRangeException(nameof(std), std, "std must be 0 or more");
        Std = std;
        Bias = bias;
    }

    /// <summary>Standard deviation of the draws.</summary>
    public double Std { get; }

    /// <summary>Mean of the added noise.</summary>
    public double Bias { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        using var noise = RandomValues.Normal(values, generator, Bias, Std);
        return values.add(noise);
    }
}
