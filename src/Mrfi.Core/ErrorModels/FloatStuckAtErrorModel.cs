using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>A bit stuck at 0 or 1 in each value's IEEE-754 pattern.</summary>
[MrfiComponent("FloatStuckAt", Summary = "Stuck-at-0/1: forces a given bit of each value's IEEE-754 pattern to 0 or 1.")]
public sealed class FloatStuckAtErrorModel : FloatBitErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="bit">The stuck bit (0 = mantissa LSB).</param>
    /// <param name="value">The value it is stuck at: 0 or 1.</param>
    /// <param name="floattype">float16, bfloat16, float32, float64, float8_e4m3fn, float8_e5m2, float6_e3m2, float6_e2m3 or float4_e2m1;
    /// default: the tensor's own type.</param>
    /// <param name="suppressInvalid">Replace resulting NaN and ±Inf with 0.</param>
    public FloatStuckAtErrorModel(int bit, int value, string? floattype = null, bool suppressInvalid = false)
        : base(floattype, suppressInvalid)
    {
        CheckBit(bit);
        if (value is not (0 or 1)) throw new ArgumentOutOfRangeException(nameof(value), value, "value must be 0 or 1");
        Bit = bit;
        Value = value;
    }

    /// <summary>The stuck bit.</summary>
    public int Bit { get; }

    /// <summary>The stuck value.</summary>
    public int Value { get; }

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, int width, Generator generator, Device device)
    {
        CheckBit(Bit, width);
        return torch.full(shape, unchecked(1L << Bit), dtype: ScalarType.Int64, device: device);
    }

    /// <inheritdoc />
    protected override Tensor Combine(Tensor bits, Tensor mask) =>
        Value == 1 ? bits.bitwise_or(mask) : bits.bitwise_and(mask.bitwise_not());

    /// <inheritdoc />
    private protected override long CombineValue(long bits, long mask) => Value == 1 ? bits | mask : bits & ~mask;
}
