using Mrfi.Core.ErrorModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Stores values in a float format: rounds them to it (nearest even; saturating or to ±Inf as the format does) and
/// holds the result as the tensor's dtype, so that the golden run is the network in that format.</summary>
/// <remarks>Pair it with a float error model of the same <c>floattype</c> (its bits are flipped in the stored pattern).
/// No scaling: values below the format's smallest subnormal become zero (see <c>MXQuantization</c> for scaled blocks).</remarks>
[MrfiComponent("FloatQuantization",
    Summary = "Stores values in a float format, rounding to nearest even: floattype float16, bfloat16, float8_e4m3fn, float8_e5m2, " +
        "float6_e3m2, float6_e2m3, float4_e2m1.")]
public sealed class FloatQuantizer : IQuantizer, IBitWidth
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="floattype">float16, bfloat16, float32, float64, float8_e4m3fn, float8_e5m2, float6_e3m2, float6_e2m3 or
    /// float4_e2m1.</param>
    public FloatQuantizer(string floattype)
    {
        Format = FloatFormat.Parse(floattype)!;
        _span = Format.IsMini ? new MiniFloatSpan(Format) : null;
    }

    // Made once: Calibrate runs for every tensor of every forward.
    private readonly MiniFloatSpan? _span;

    internal FloatFormat Format { get; }

    /// <inheritdoc />
    public int BitWidth => Format.Width;

    /// <inheritdoc />
    public IQuantization Calibrate(Tensor tensor) => new Rounding(Format, _span);

    /// <summary>The rounding: the same for every value, so <see cref="At"/> is itself; dequantizing changes nothing.</summary>
    internal sealed class Rounding(FloatFormat format, MiniFloatSpan? span) : IQuantization
    {
        public FloatFormat Format => format;

        public void Quantize(Tensor values)
        {
            if (!format.IsMini)
            {
                if (values.dtype == format.FloatType) return;  // to_type would return the tensor itself
                // Through the format and back to the tensor's own type; copy_ converts the second way.
                using var cast = values.to_type(format.FloatType);
                values.copy_(cast);
                return;
            }
            // A contiguous float32 CPU tensor is rounded in place, eight values at a time; the loop below is the reference.
            if (span is not null && Kernels.CpuKernels.TryFloats(values, out var memory))
            {
                span.Round(memory);
                return;
            }
            var data = Kernels.TensorFloats.Read(values);
            for (int i = 0; i < data.Length; i++) data[i] = MiniFloat.Round(data[i], format);
            using var flat = torch.tensor(data);
            using var rounded = flat.reshape(values.shape);
            values.copy_(rounded);
        }

        public void Dequantize(Tensor values) { }

        public IQuantization At(Tensor flatIndex) => new Rounding(format, span);

        public void Dispose() { }
    }
}
