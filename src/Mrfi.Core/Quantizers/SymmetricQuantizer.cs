using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Symmetric linear quantization to <c>[-(2^(b-1)-1), 2^(b-1)-1]</c> over the range ±(scale_factor·dynamic_range).</summary>
/// <remarks>Follows MRFI's arithmetic step by step (shift, scale, shift, clamp, round half to even),
/// so results match MRFI bit for bit in float32.</remarks>
[MrfiComponent("SymmetricQuantization", Aliases = ["SymmericQuantization"],
    Summary = "Symmetric linear quantization to ±(2^(b-1)-1) over ±scale_factor·dynamic_range (MRFI's arithmetic).")]
public sealed class SymmetricQuantizer : RangeQuantizer, IScalarQuantizer
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="bitWidth">Integer width b, 2..32.</param>
    /// <param name="dynamicRange">A positive number, or "auto" for max |x| of each tensor.</param>
    /// <param name="scaleFactor">Multiplies the range.</param>
    public SymmetricQuantizer(int bitWidth, DynamicRange dynamicRange, double scaleFactor = 1.0)
        : base(bitWidth, dynamicRange, scaleFactor)
    {
        if (dynamicRange.Value is double range)
        {
            // MRFI computes a fixed range's factors as Python floats, each rounded to the tensor's dtype where it is applied;
            // float32 tensor arithmetic would give 14/3 as 4.666667 (a float32 reciprocal times 14) instead of 4.6666665 and
            // move exact halves to the other integer.
            double r = scaleFactor * range, high = Math.Pow(2, bitWidth - 1) - 1, low = -high;
            _fixed = (r, (high - low) / (r * 2), r * 2 / (high - low));
        }
    }

    /// <summary>A fixed range's shift, scale and inverse scale, in double; null for "auto".</summary>
    private readonly (double Range, double Scale, double Inverse)? _fixed;

    /// <inheritdoc />
    public override IQuantization Calibrate(Tensor tensor)
    {
        if (_fixed is not { } f) return Symmetric(tensor.shape, DynamicRange.Resolve(tensor, ScaleFactor), BitWidth);
        double high = Math.Pow(2, BitWidth - 1) - 1, low = -high;
        return new TensorQuantization(tensor.shape, [],
            (x, _) => x.add_(f.Range).mul_(f.Scale).add_(low).clamp_(low, high).round_(),
            (x, _) => x.sub_(low).mul_(f.Inverse).sub_(f.Range));
    }

    ScalarQuantization IScalarQuantizer.Calibrate(ReadOnlySpan<float> values)
    {
        double high = Math.Pow(2, BitWidth - 1) - 1, low = -high;
        // A fixed range: the tensor path's double factors, each rounded to float32 where it is applied.
        if (_fixed is { } f) return ScalarQuantization.Shifted((float)f.Range, (float)f.Scale, (float)low, (float)high, (float)f.Inverse);
        // The factors as the tensor path forms them: (high - low) / (2r) is reciprocal(2r)·(high - low), and 2r / (high - low) a division.
        float range = DynamicRange.Resolve(values, ScaleFactor);
        float twice = range * 2f;
        return ScalarQuantization.Shifted(range, 1f / twice * (float)(high - low), (float)low, (float)high, twice / (float)(high - low));
    }

    /// <summary>The MRFI symmetric pipeline for a range tensor (0-dim, or per channel with the tensor's rank), in the tensor's dtype as
    /// MRFI's "auto".</summary>
    internal static IQuantization Symmetric(long[] shape, Tensor range, int bitWidth)
    {
        double high = Math.Pow(2, bitWidth - 1) - 1, low = -high;
        return new TensorQuantization(shape, [range],
            (x, p) =>
            {
                using var factor = (high - low) / p[0].mul(2.0);
                x.add_(p[0]).mul_(factor).add_(low).clamp_(low, high).round_();
            },
            (x, p) =>
            {
                using var factor = p[0].mul(2.0).div_(high - low);
                x.sub_(low).mul_(factor).sub_(p[0]);
            });
    }
}
