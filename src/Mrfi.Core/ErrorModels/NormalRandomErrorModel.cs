using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Replaces values with normal draws N(mean, std²).</summary>
[MrfiComponent("NormalRandom", Summary = "Replaces values with normal draws N(mean, std²).")]
public sealed class NormalRandomErrorModel : IErrorModel
{
    /// <summary>Creates the model; see the class summary for the parameters.</summary>
    public NormalRandomErrorModel(double mean = 0, double std = 1)
    {
        if (!(std >= 0)) throw new ArgumentOutOfRangeException(nameof(std), std, "std must be 0 or more");
        Mean = mean;
        Std = std;
    }

    /// <summary>Mean of the draws.</summary>
    public double Mean { get; }

    /// <summary>Standard deviation of the draws.</summary>
    public double Std { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator) => RandomValues.Normal(values, generator, Mean, Std);
}
