using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips one uniformly random bit (sign, exponent or mantissa) of each value's IEEE-754 pattern.</summary>
[MrfiComponent("FloatRandomBitFlip",
    Summary = "Flips one uniformly random bit of each value's float pattern (floattype float16, bfloat16, float32, float64, " +
        "float8_e4m3fn, float8_e5m2, float6_e3m2, float6_e2m3, float4_e2m1).")]
public sealed class FloatRandomBitFlipErrorModel : FloatBitErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="floattype">float16, bfloat16, float32, float64, float8_e4m3fn, float8_e5m2, float6_e3m2, float6_e2m3 or float4_e2m1;
    /// default: the tensor's own type.</param>
    /// <param name="suppressInvalid">Replace resulting NaN and ±Inf with 0.</param>
    public FloatRandomBitFlipErrorModel(string? floattype = null, bool suppressInvalid = false) : base(floattype, suppressInvalid) { }

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, int width, Generator generator, Device device) =>
        BitMasks.RandomBit(shape, width, generator, device);

    /// <inheritdoc />
    private protected override void MaskInto(Span<long> mask, int width, Generator generator) =>
        BitMasks.RandomBitInto(mask, width, generator);
}
