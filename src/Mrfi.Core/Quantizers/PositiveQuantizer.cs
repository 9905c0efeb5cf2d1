using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Unsigned linear quantization to <c>[0, 2^b-1]</c> over <c>[0, scale_factor·dynamic_range]</c>; negatives clip to 0.</summary>
[MrfiComponent("PositiveQuantization", Summary = "Unsigned linear quantization to [0, 2^b-1] over [0, scale_factor·dynamic_range]; negatives clip to 0.")]
public sealed class PositiveQuantizer : RangeQuantizer, IScalarQuantizer
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="bitWidth">Integer width b, 1..32 (1 bit: the integers 0 and 1, as in MRFI).</param>
    /// <param name="dynamicRange">A positive number, or "auto" for max |x| of each tensor.</param>
    /// <param name="scaleFactor">Multiplies the range.</param>
    public PositiveQuantizer(int bitWidth, DynamicRange dynamicRange, double scaleFactor = 1.0)
        : base(bitWidth, dynamicRange, scaleFactor, minimumBitWidth: 1) { }

    /// <inheritdoc />
    public override IQuantization Calibrate(Tensor tensor)
    {
        double high = Math.Pow(2, BitWidth) - 1;
        if (DynamicRange.Value is double fixedRange)
        {
            // As MRFI: a fixed range's factors are doubles, rounded where they are applied (see SymmetricQuantizer).
            double range = ScaleFactor * fixedRange, scale = high / range, inverse = range / high;
            return new TensorQuantization(tensor.shape, [], (x, _) => x.mul_(scale).clamp_(0, high).round_(), (x, _) => x.mul_(inverse));
        }
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
        if (DynamicRange.Value is double fixedRange)
        {
            // As the tensor path for a fixed range: the factors in double, rounded to float32 where applied.
            double r = ScaleFactor * fixedRange, top = Math.Pow(2, BitWidth) - 1;
            return ScalarQuantization.Scaled((float)(top / r), 0f, (float)top, (float)(r / top));
        }
        // As the tensor path: high / r is reciprocal(r)·high, and r / high a division.
        float range = DynamicRange.Resolve(values, ScaleFactor);
        float high = (float)(Math.Pow(2, BitWidth) - 1);
        return ScalarQuantization.Scaled(1f / range * high, 0f, high, range / high);
    }
}
