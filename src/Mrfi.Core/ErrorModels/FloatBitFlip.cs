using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>The bit-flip pipeline shared by the float error models: convert to the storage format,
/// reinterpret as integers, XOR, reinterpret back, convert to the original dtype.</summary>
/// <remarks>Bit 0 is the mantissa LSB. As in MRFI, converting float32 data to float16 rounds first,
/// and converting a flipped float64 back to float32 rounds (small mantissa flips can vanish).
/// As in MRFI the bits are flipped on the host (TorchSharp has no dtype view); only the selected values travel.</remarks>
internal static class FloatBitFlip
{
    /// <summary>Same bytes, other dtype of the same width (TorchSharp has no dtype view).</summary>
    private static Tensor Reinterpret(Tensor source, ScalarType dtype)
    {
        var target = torch.empty(source.shape, dtype: dtype);
        target.bytes = source.contiguous().bytes;
        return target;
    }

    public static Tensor Apply(Tensor values, Tensor bits, FloatFormat? format, bool suppressInvalid)
    {
        var fmt = format ?? FloatFormat.Of(values.dtype);
        using var stored = values.to(fmt.FloatType, CPU, copy: true);
        using var asInt = Reinterpret(stored, fmt.IntType);
        using var bitsTyped = bits.to(fmt.IntType, CPU);
        using var one = torch.ones_like(bitsTyped);
        using var mask = one.bitwise_left_shift(bitsTyped);
        using var flipped = asInt.bitwise_xor(mask);
        using var asFloat = Reinterpret(flipped, fmt.FloatType);
        var result = asFloat.to(values.dtype, values.device, copy: true);
        if (suppressInvalid)
        {
            using var finite = result.isfinite();
            using var zero = torch.zeros_like(result);
            var cleaned = torch.where(finite, result, zero);
            result.Dispose();
            result = cleaned;
        }
        return result;
    }
}
