using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips one uniformly random bit (sign, exponent or mantissa) of each value's IEEE-754 representation.</summary>
[MrfiComponent("FloatRandomBitFlip")]
public sealed class FloatRandomBitFlipErrorModel : IErrorModel
{
    private readonly FloatFormat? _format;

    /// <summary>Creates the model.</summary>
    /// <param name="floattype">float16, bfloat16, float32 or float64; default: the tensor's own type.</param>
    /// <param name="suppressInvalid">Replace resulting NaN and ±Inf with 0.</param>
    public FloatRandomBitFlipErrorModel(string? floattype = null, bool suppressInvalid = false)
    {
        _format = FloatFormat.Parse(floattype);
        SuppressInvalid = suppressInvalid;
    }

    /// <summary>Whether NaN/Inf results become 0.</summary>
    public bool SuppressInvalid { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        int width = (_format ?? FloatFormat.Of(values.dtype)).Width;
        using var bits = torch.randint(0, width, values.shape, dtype: ScalarType.Int64, generator: generator);
        return FloatBitFlip.Apply(values, bits, _format, SuppressInvalid);
    }
}
