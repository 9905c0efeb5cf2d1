using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Symmetric linear quantization to <c>[-(2^(b-1)-1), 2^(b-1)-1]</c> over the range ±(scale_factor·dynamic_range).</summary>
/// <remarks>Follows MRFI's arithmetic step by step (shift, scale, shift, clamp, round half to even),
/// so results match MRFI bit for bit in float32.</remarks>
[MrfiComponent("SymmetricQuantization", Aliases = ["SymmericQuantization"])]
public sealed class SymmetricQuantizer : IQuantizer
{
    private readonly double _low;
    private readonly double _high;

    /// <summary>Creates the quantizer.</summary>
    /// <param name="bitWidth">Integer width b, 2..32.</param>
    /// <param name="dynamicRange">A positive number, or "auto" for max |x| of each tensor.</param>
    /// <param name="scaleFactor">Multiplies the range.</param>
    public SymmetricQuantizer(int bitWidth, DynamicRange dynamicRange, double scaleFactor = 1.0)
    {
        if (bitWidth is < 2 or > 32) throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "bit_width must be between 2 and 32");
        if (!(scaleFactor > 0)) throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor, "scale_factor must be positive");
        BitWidth = bitWidth;
        DynamicRange = dynamicRange;
        ScaleFactor = scaleFactor;
        _high = Math.Pow(2, bitWidth - 1) - 1;
        _low = -_high;
    }

    /// <summary>Integer width.</summary>
    public int BitWidth { get; }

    /// <summary>The configured range.</summary>
    public DynamicRange DynamicRange { get; }

    /// <summary>Range multiplier.</summary>
    public double ScaleFactor { get; }

    /// <inheritdoc />
    public Tensor Calibrate(Tensor tensor)
    {
        if (DynamicRange.Value is double fixedRange)
            return torch.tensor(fixedRange * ScaleFactor, dtype: tensor.dtype, device: tensor.device);
        var range = tensor.abs().max();
        return ScaleFactor == 1.0 ? range : range.mul_(ScaleFactor);
    }

    /// <inheritdoc />
    public void Quantize(Tensor values, Tensor range)
    {
        values.add_(range);
        using var factor = (_high - _low) / range.mul(2.0);
        values.mul_(factor).add_(_low).clamp_(_low, _high).round_();
    }

    /// <inheritdoc />
    public void Dequantize(Tensor values, Tensor range)
    {
        using var factor = range.mul(2.0).div_(_high - _low);
        values.sub_(_low).mul_(factor).sub_(range);
    }
}
