using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips a given bit (or one given bit per selected value) of each value's IEEE-754 pattern.</summary>
[MrfiComponent("FloatFixedBitFlip", Summary = "Flips a given bit (or one per selected value) of each value's IEEE-754 pattern.")]
public sealed class FloatFixedBitFlipErrorModel : FloatBitErrorModel
{
    private readonly long[] _bits;

    /// <summary>Creates the model.</summary>
    /// <param name="bit">The bit to flip (0 = mantissa LSB), or one bit per selected value.</param>
    /// <param name="floattype">float16, bfloat16, float32, float64, float8_e4m3fn, float8_e5m2, float6_e3m2, float6_e2m3 or float4_e2m1;
    /// default: the tensor's own type.</param>
    /// <param name="suppressInvalid">Replace resulting NaN and ±Inf with 0.</param>
    public FloatFixedBitFlipErrorModel(long[] bit, string? floattype = null, bool suppressInvalid = false)
        : base(floattype, suppressInvalid)
    {
        ArgumentNullException.ThrowIfNull(bit);
        if (bit.Length == 0) throw new ArgumentException("bit must name at least one bit", nameof(bit));
        foreach (var b in bit) CheckBit(b);
        _bits = bit;
    }

    /// <summary>The configured bits.</summary>
    public IReadOnlyList<long> Bits => _bits;

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, int width, Generator generator, Device device)
    {
        foreach (var b in _bits) CheckBit(b, width);
        return BitMasks.Fixed(_bits, PerValue.Check(_bits.Length, shape, "bit"), device);
    }
}
