using Mrfi;
using TorchSharp;
using static TorchSharp.torch;

// One attribute makes this assembly an mrfi plugin.
[assembly: MrfiPlugin]

namespace MyFaults;

/// <summary>Multiplies the selected values by a factor (0 = stuck-at-zero, -1 = sign flip of floats, 2 = a gain fault).</summary>
/// <remarks>The config writes <c>error_model = { method = "ScaleBy", factor = 0.5 }</c>: the name is the type name without
/// "ErrorModel" (or [MrfiComponent("...")]), and every constructor parameter is a config key.</remarks>
[MrfiComponent("ScaleBy", Summary = "Multiplies the selected values by a factor.")]
public sealed class ScaleByErrorModel : IErrorModel
{
    private readonly double _factor;

    /// <summary>Creates the model.</summary>
    /// <param name="factor">The multiplier.</param>
    public ScaleByErrorModel(double factor = 0.0) => _factor = factor;

    /// <summary>Returns new values; the input belongs to the engine and must not be changed.</summary>
    public Tensor Apply(Tensor values, Generator generator) => values.mul(_factor);
}
