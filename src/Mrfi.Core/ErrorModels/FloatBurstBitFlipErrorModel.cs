using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>A burst in floats: flips <c>bits</c> adjacent bits of each value's IEEE-754 pattern at a uniform position.</summary>
[MrfiComponent("FloatBurstBitFlip", Summary = "Burst: flips k adjacent bits of each value's IEEE-754 pattern at a random position.")]
public sealed class FloatBurstBitFlipErrorModel : FloatBitErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="bits">Length of the burst (k adjacent bits).</param>
    /// <param name="floattype">float16, bfloat16, float32, float64, float8_e4m3fn, float8_e5m2, float6_e3m2, float6_e2m3 or float4_e2m1;
    /// default: the tensor's own type.</param>
    /// <param name="suppressInvalid">Replace resulting NaN and ±Inf with 0.</param>
    public FloatBurstBitFlipErrorModel(int bits = 2, string? floattype = null, bool suppressInvalid = false)
        : base(floattype, suppressInvalid)
    {
        BitMasks.CheckCount(bits, Format?.Width ?? 64);
        Bits = bits;
    }

    /// <summary>Burst length.</summary>
    public int Bits { get; }

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, int width, Generator generator, Device device)
    {
        BitMasks.CheckCount(Bits, width);
        return BitMasks.Burst(shape, width, Bits, generator, device);
    }
}
