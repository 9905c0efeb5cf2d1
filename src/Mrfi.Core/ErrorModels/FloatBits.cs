using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>IEEE-754 bit patterns of float tensors as int64 tensors and back, computed with elementwise arithmetic
/// (frexp, scaling, masks) so that it runs on the tensor's own device: TorchSharp has no dtype-reinterpreting view.</summary>
/// <remarks>Exact for every finite value, zeros (signed), subnormals and infinities of float16, bfloat16, float32 and
/// float64; a NaN maps to the canonical quiet NaN of the format. The tests check it against BitConverter.</remarks>
internal static class FloatBits
{
    /// <summary>The format's bit pattern of each value after rounding it to the format, as int64 on the same device.</summary>
    public static Tensor ToBits(Tensor values, FloatFormat f)
    {
        using var scope = torch.NewDisposeScope();
        var x = values.to_type(f.FloatType).to_type(ScalarType.Float64);
        var negative = torch.copysign(torch.ones_like(x), x).lt(0);
        var a = x.abs();
        var (m, e) = torch.frexp(a);                       // a = m·2^e with 0.5 ≤ m < 1
        var biased = e.to_type(ScalarType.Int64).add(f.Bias - 1);
        var normal = biased.ge(1).logical_and(a.gt(0)).logical_and(a.isfinite());
        long mantissaScale = 1L << f.MantissaBits;
        var normalMantissa = m.mul(2).sub_(1).mul_(mantissaScale).round_().to_type(ScalarType.Int64);
        var subnormalMantissa = Scale(a.nan_to_num(0, 0, 0), f.Bias - 1 + f.MantissaBits).round_().to_type(ScalarType.Int64);
        long maxExponent = (1L << f.ExponentBits) - 1;
        var exponent = torch.where(normal, biased, torch.zeros_like(biased));
        var mantissa = torch.where(normal, normalMantissa, subnormalMantissa);
        var special = a.isfinite().logical_not();
        exponent = torch.where(special, torch.full_like(exponent, maxExponent), exponent);
        mantissa = torch.where(special,
            torch.where(a.isnan(), torch.full_like(mantissa, 1L << (f.MantissaBits - 1)), torch.zeros_like(mantissa)), mantissa);
        var bits = exponent.bitwise_left_shift(f.MantissaBits).bitwise_or_(mantissa);
        long signMask = unchecked(1L << (f.ExponentBits + f.MantissaBits));
        bits = torch.where(negative, bits.bitwise_or(signMask), bits);
        return bits.MoveToOuterDisposeScope();
    }

    /// <summary>The values whose bit patterns in format <paramref name="f"/> are <paramref name="bits"/>, as
    /// <paramref name="dtype"/>.</summary>
    public static Tensor FromBits(Tensor bits, FloatFormat f, ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        long maxExponent = (1L << f.ExponentBits) - 1;
        var sign = bits.bitwise_right_shift(f.ExponentBits + f.MantissaBits).bitwise_and(1);
        var exponent = bits.bitwise_right_shift(f.MantissaBits).bitwise_and(maxExponent);
        var mantissa = bits.bitwise_and((1L << f.MantissaBits) - 1).to_type(ScalarType.Float64);
        var fraction = mantissa.mul(Math.Pow(2, -f.MantissaBits)).add_(1);
        var normal = torch.ldexp(fraction, exponent.sub(f.Bias).to_type(ScalarType.Float64));
        var subnormal = Scale(mantissa, 1 - f.Bias - f.MantissaBits);
        var special = torch.where(mantissa.eq(0), torch.full_like(mantissa, double.PositiveInfinity),
            torch.full_like(mantissa, double.NaN));
        var magnitude = torch.where(exponent.eq(0), subnormal, torch.where(exponent.eq(maxExponent), special, normal));
        var value = torch.where(sign.eq(1), magnitude.neg(), magnitude);
        return value.to_type(f.FloatType).to_type(dtype).MoveToOuterDisposeScope();
    }

    /// <summary>Multiplies by 2^k in steps that neither overflow nor underflow (float64's 2^±1074 is not representable).</summary>
    private static Tensor Scale(Tensor t, int k)
    {
        var result = t.to_type(ScalarType.Float64);
        while (k != 0)
        {
            int step = Math.Clamp(k, -900, 900);
            result = result.mul(Math.Pow(2, step));
            k -= step;
        }
        return result;
    }

    /// <summary>Applies <paramref name="change"/> to the bit patterns of <paramref name="values"/> and returns new values of the original
    /// dtype.</summary>
    public static Tensor Modify(Tensor values, FloatFormat? configured, bool suppressInvalid, Func<Tensor, FloatFormat, Tensor> change)
    {
        var f = FloatFormat.For(configured, values);
        if (f.IsMini) return ModifyMini(values, f, suppressInvalid, change);
        if (values.device_type == DeviceType.CPU && values.dtype == ScalarType.Float32 && f.FloatType == ScalarType.Float32
            && values.numel() <= MaxManaged)
            return ModifyFloat32(values, f, suppressInvalid, change);
        using var bits = ToBits(values, f);
        using var changed = change(bits, f);
        var result = FromBits(changed, f, values.dtype);
        if (!suppressInvalid) return result;
        using (result) return result.nan_to_num(0.0, 0.0, 0.0);
    }

    private const long MaxManaged = 1L << 26;

    /// <summary>The narrow formats, which libtorch has no dtype for: patterns from <see cref="MiniFloat"/> on the CPU, the
    /// change on the values' device, the values back in their dtype and device.</summary>
    private static Tensor ModifyMini(Tensor values, FloatFormat f, bool suppressInvalid, Func<Tensor, FloatFormat, Tensor> change)
    {
        using var scope = torch.NewDisposeScope();
        var source = Kernels.TensorFloats.Read(values);
        var patterns = new long[source.Length];
        for (int i = 0; i < source.Length; i++) patterns[i] = MiniFloat.Encode(source[i], f);
        var bits = torch.tensor(patterns, dtype: ScalarType.Int64).reshape(values.shape).to(values.device);
        var changed = change(bits, f).to(ScalarType.Int64, CPU).contiguous().data<long>().ToArray();
        var result = new float[changed.Length];
        for (int i = 0; i < changed.Length; i++) result[i] = MiniFloat.Decode(changed[i], f);
        var tensor = torch.tensor(result, dtype: ScalarType.Float32).reshape(values.shape);
        if (suppressInvalid) tensor = tensor.nan_to_num(0.0, 0.0, 0.0);
        return tensor.to(values.dtype, values.device).MoveToOuterDisposeScope();
    }

    /// <summary>The common case — float32 values on the CPU flipped as float32 — with the patterns read by BitConverter: the
    /// arithmetic path above costs some 50 tensor operations per call, which dominates a forward with a single fault.</summary>
    /// <remarks>Same patterns as <see cref="ToBits"/> (a NaN becomes the quiet NaN with its sign), so results do not depend on the
    /// path.</remarks>
    private static Tensor ModifyFloat32(Tensor values, FloatFormat f, bool suppressInvalid, Func<Tensor, FloatFormat, Tensor> change)
    {
        using var scope = torch.NewDisposeScope();
        var source = values.contiguous().data<float>().ToArray();
        var patterns = new long[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            int b = BitConverter.SingleToInt32Bits(source[i]);
            if (float.IsNaN(source[i])) b = (b & int.MinValue) | 0x7FC00000;
            patterns[i] = (uint)b;
        }
        var changed = change(torch.tensor(patterns, dtype: ScalarType.Int64).reshape(values.shape), f).contiguous().data<long>().ToArray();
        var result = new float[changed.Length];
        for (int i = 0; i < changed.Length; i++)
            result[i] = BitConverter.Int32BitsToSingle(unchecked((int)(uint)(changed[i] & 0xFFFFFFFFL)));
        var tensor = torch.tensor(result, dtype: ScalarType.Float32).reshape(values.shape);
        if (suppressInvalid) tensor = tensor.nan_to_num(0.0, 0.0, 0.0);
        return tensor.MoveToOuterDisposeScope();
    }
}
