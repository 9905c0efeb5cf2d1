using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>MRFI's fixed-point quantization: scale by <c>(2^(ib+db)-1)/2^ib</c>, clamp to ±(2^(ib+db)-1), round.</summary>
/// <remarks>As in MRFI this is not an exact binary fixed point (the scale is not 2^db); the
/// integers need ib+db+1 bits including the sign.</remarks>
[MrfiComponent("FixPointQuantization",
    Summary = "MRFI's fixed point: round(clamp(x·(2^(ib+db)-1)/2^ib)), needing ib+db+1 bits with the sign.")]
public sealed class FixPointQuantizer : IQuantizer, IBitWidth, IScalarQuantizer
{
    private readonly double _limit;
    private readonly double _scale;
    private readonly double _inverse;

    /// <summary>Creates the quantizer.</summary>
    /// <param name="integerBit">Integer bits (ib).</param>
    /// <param name="decimalBit">Fraction bits (db).</param>
    public FixPointQuantizer(int integerBit, int decimalBit)
    {
        if (integerBit < 0 || decimalBit < 0 || integerBit + decimalBit is < 1 or > 31)
            throw new ArgumentOutOfRangeException(nameof(integerBit),
                "integer_bit and decimal_bit must be ≥ 0 with 1 ≤ integer_bit + decimal_bit ≤ 31");
        IntegerBit = integerBit;
        DecimalBit = decimalBit;
        _limit = Math.Pow(2, integerBit + decimalBit) - 1;
        _scale = _limit / Math.Pow(2, integerBit);
        _inverse = Math.Pow(2, integerBit) / _limit;
    }

    /// <summary>Integer bits.</summary>
    public int IntegerBit { get; }

    /// <summary>Fraction bits.</summary>
    public int DecimalBit { get; }

    /// <summary>Width of the resulting integers including the sign: ib+db+1.</summary>
    public int BitWidth => IntegerBit + DecimalBit + 1;

    /// <inheritdoc />
    public IQuantization Calibrate(Tensor tensor) => new TensorQuantization(tensor.shape, [],
        (x, _) => x.mul_(_scale).clamp_(-_limit, _limit).round_(),
        (x, _) => x.mul_(_inverse));

    ScalarQuantization IScalarQuantizer.Calibrate(ReadOnlySpan<float> values) =>
        ScalarQuantization.Scaled((float)_scale, (float)-_limit, (float)_limit, (float)_inverse);
}
