using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mrfi.Core.ErrorModels;

/// <summary>The span form of <see cref="MiniFloat"/>: rounds float32 values to a narrow format and back, and turns stored
/// values into patterns, with float32 bit arithmetic eight values at a time instead of double arithmetic value by value.</summary>
/// <remarks>Equal to <see cref="MiniFloat.Round"/> and <see cref="MiniFloat.Encode"/> bit for bit on every input, NaN included
/// (a NaN becomes the quiet NaN with its sign, or +0 in a format without NaN); <c>MiniFloatSpanTests</c>
/// checks every rounding class of every float32 exponent. Rounding to m mantissa bits is adding half a quantum less one
/// (plus the kept lowest bit, for ties to even) and clearing the dropped bits; below the format's smallest normal the
/// quantum is fixed, and adding and subtracting 2^(emin − m + 23) makes the FPU round to it, ties to even.</remarks>
internal sealed class MiniFloatSpan
{
    private const int AbsMask = 0x7FFFFFFF, InfBits = 0x7F800000;
    private readonly int _nanSign, _exponentBits, _mantissaBits, _shift, _bias, _minNormalBits, _maxBits, _overflowBits, _nanBits;
    private readonly float _magic, _subnormalScale;

    /// <summary>Prepares the constants of <paramref name="format"/>, a narrow format (<see cref="FloatFormat.IsMini"/>).</summary>
    public MiniFloatSpan(FloatFormat format)
    {
        if (!format.IsMini) throw new ArgumentException($"{format.Name} is not a narrow float format", nameof(format));
        _exponentBits = format.ExponentBits;
        _mantissaBits = format.MantissaBits;
        _shift = 23 - format.MantissaBits;
        _bias = format.Bias;
        int minExponent = 1 - format.Bias;
        _minNormalBits = (minExponent + 127) << 23;
        _magic = MathF.ScaleB(1f, minExponent - format.MantissaBits + 23);
        _subnormalScale = MathF.ScaleB(1f, format.MantissaBits - minExponent);
        _maxBits = BitConverter.SingleToInt32Bits((float)MiniFloat.MaxNormal(format));
        _overflowBits = format.Specials == FloatSpecials.Ieee ? InfBits : _maxBits;
        // What a NaN is stored as: the quiet NaN with its sign where the format has one, +0 in FP6/FP4, which have none.
        _nanBits = format.Specials == FloatSpecials.Finite ? 0 : 0x7FC00000;
        _nanSign = format.Specials == FloatSpecials.Finite ? 0 : int.MinValue;
    }

    /// <summary>Replaces every value by the value the format stores for it (<see cref="MiniFloat.Round"/>).</summary>
    public void Round(Span<float> values)
    {
        var bits = MemoryMarshal.Cast<float, int>(values);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var absMask = Vector256.Create(AbsMask);
            var half = Vector256.Create((1 << (_shift - 1)) - 1);
            var keep = Vector256.Create(~((1 << _shift) - 1));
            var one = Vector256.Create(1);
            var minNormal = Vector256.Create(_minNormalBits);
            var max = Vector256.Create(_maxBits);
            var overflow = Vector256.Create(_overflowBits);
            var inf = Vector256.Create(InfBits);
            var nan = Vector256.Create(_nanBits);
            var nanSign = Vector256.Create(_nanSign);
            var magic = Vector256.Create(_magic);
            for (; i <= bits.Length - 8; i += 8)
            {
                var x = Vector256.Create<int>(bits.Slice(i, 8));
                var abs = x & absMask;
                var normal = (abs + half + (Vector256.ShiftRightLogical(abs, _shift) & one)) & keep;
                var small = ((abs.AsSingle() + magic) - magic).AsInt32();
                var r = Vector256.ConditionalSelect(Vector256.LessThan(abs, minNormal), small, normal);
                r = Vector256.ConditionalSelect(Vector256.GreaterThan(r, max), overflow, r) | (x & ~absMask);
                Vector256.ConditionalSelect(Vector256.GreaterThan(abs, inf), nan | (x & nanSign), r).CopyTo(bits.Slice(i, 8));
            }
        }
        for (; i < bits.Length; i++) bits[i] = RoundBits(bits[i]);
    }

    /// <summary>The value the format stores for <paramref name="x"/>.</summary>
    public float Round(float x) => BitConverter.Int32BitsToSingle(RoundBits(BitConverter.SingleToInt32Bits(x)));

    /// <summary>The pattern (0 ≤ pattern &lt; 2^width) of a value the format represents exactly and that is not NaN, as
    /// <see cref="MiniFloat.Encode"/> gives it for such a value; an infinity gives the format's top exponent.</summary>
    public int Pattern(float stored)
    {
        int bits = BitConverter.SingleToInt32Bits(stored), abs = bits & AbsMask;
        int sign = bits < 0 ? 1 << (_exponentBits + _mantissaBits) : 0;
        if (abs >= InfBits) return sign | (((1 << _exponentBits) - 1) << _mantissaBits);
        if (abs >= _minNormalBits)
            return sign | ((((abs >> 23) - 127 + _bias) << _mantissaBits) | ((abs >> _shift) & ((1 << _mantissaBits) - 1)));
        return sign | (int)(BitConverter.Int32BitsToSingle(abs) * _subnormalScale);
    }

    private int RoundBits(int x)
    {
        int abs = x & AbsMask;
        if (abs > InfBits) return _nanBits | (x & _nanSign);
        int r = abs >= _minNormalBits
            ? (abs + ((1 << (_shift - 1)) - 1) + ((abs >> _shift) & 1)) & ~((1 << _shift) - 1)
            : BitConverter.SingleToInt32Bits((BitConverter.Int32BitsToSingle(abs) + _magic) - _magic);
        return (r > _maxBits ? _overflowBits : r) | (x & ~AbsMask);
    }
}
