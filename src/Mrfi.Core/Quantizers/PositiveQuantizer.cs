using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Unsigned linear quantization to <c>[0, 2^b-1]</c> over <c>[0, scale_factor·dynamic_range]</c>; negatives clip to 0.</summary>
[MrfiComponent("PositiveQuantization",
    Summary = "Unsigned linear quantization to [0, 2^b-1] over [0, scale_factor·dynamic_range]; negatives clip to 0.")]
public sealed class PositiveQuantizer : RangeQuantizer, IScalarQuantizer
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="bitWidth">Integer width b, 1..32 (1 bit: the integers 0 and 1, as in MRFI).</param>
    /// <param name="dynamicRange">A positive number, or "auto" for max |x| of each tensor.</param>
    /// <param name="scaleFactor">Multiplies the range.</param>
    public PositiveQuantizer(int bitWidth, DynamicRange dynamicRange, double scaleFactor = 1.0)
        : base(bitWidth, dynamicRange, scaleFactor, minimumBitWidth: 1)
    {
        // As MRFI: a fixed range's factors are doubles, rounded where they are applied (see SymmetricQuantizer).
        if (dynamicRange.Value is double range)
        {
            double r = scaleFactor * range, high = Math.Pow(2, bitWidth) - 1;
            _fixed = (high / r, r / high);
        }
    }

    /// <summary>A fixed range's scale and inverse scale, in double; null for "auto".</summary>
    private readonly (double Scale, double Inverse)? _fixed;

    /// <inheritdoc />
    public override IQuantization Calibrate(Tensor tensor)
    {
        double high = Math.Pow(2, BitWidth) - 1;
        if (_fixed is { } f)
            return new TensorQuantization(tensor.shape, [], (x, _) => x.mul_(f.Scale).clamp_(0, high).round_(),
                (x, _) => x.mul_(f.Inverse));
        return new TensorQuantization(tensor.shape, [DynamicRange.Resolve(tensor, ScaleFactor)],
            (x, p) =>
            {
                using var factor = high / p[0];
                x.mul_(factor).clamp_(0, high).round_();
            },
            (x, p) =>
            {
                using var factor = p[0].div(high);
                x.mul_(factor);
            });
    }

    ScalarQuantization IScalarQuantizer.Calibrate(ReadOnlySpan<float> values)
    {
        // A fixed range: the tensor path's double factors, rounded to float32 where applied.
        if (_fixed is { } f) return ScalarQuantization.Scaled((float)f.Scale, 0f, (float)(Math.Pow(2, BitWidth) - 1), (float)f.Inverse);
        // As the tensor path: high / r is reciprocal(r)·high, and r / high a division.
        float range = DynamicRange.Resolve(values, ScaleFactor);
        float high = (float)(Math.Pow(2, BitWidth) - 1);
        return ScalarQuantization.Scaled(1f / range * high, 0f, high, range / high);
    }
}
