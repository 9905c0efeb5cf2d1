using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Unsigned linear quantization to <c>[0, 2^b-1]</c> over <c>[0, scale_factor·dynamic_range]</c>; negatives clip to 0.</summary>
[MrfiComponent("PositiveQuantization", Summary = "Unsigned linear quantization to [0, 2^b-1] over [0, scale_factor·dynamic_range]; negatives clip to 0.")]
public sealed class PositiveQuantizer : RangeQuantizer, IScalarQuantizer
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="bitWidth">Integer width b, 2..32.</param>
    /// <param name="dynamicRange">A positive number, or "auto" for max |x| of each tensor.</param>
    /// <param name="scaleFactor">Multiplies the range.</param>
    public PositiveQuantizer(int bitWidth, DynamicRange dynamicRange, double scaleFactor = 1.0)
        : base(bitWidth, dynamicRange, scaleFactor) { }

    /// <inheritdoc />
    public override IQuantization Calibrate(Tensor tensor)
    {
        double high = Math.Pow(2, BitWidth) - 1;
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
        // As the tensor path: high / r is reciprocal(r)·high, and r / high a division.
        float range = DynamicRange.Resolve(values, ScaleFactor);
        float high = (float)(Math.Pow(2, BitWidth) - 1);
        return ScalarQuantization.Scaled(1f / range * high, 0f, high, range / high);
    }
}
