using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mrfi.Core.ErrorModels;

/// <summary>The span form of <see cref="MiniFloat"/>: rounds float32 values to a narrow format and back, and turns stored
/// values into patterns, with float32 bit arithmetic eight values at a time instead of double arithmetic value by value.</summary>
/// <remarks>Equal to <see cref="MiniFloat.Round"/> and <see cref="MiniFloat.Encode"/> bit for bit on every input, NaN included
/// (a NaN becomes the quiet NaN with its sign, or +0 in a format without NaN); <c>MiniFloatSpanTests</c> checks every
/// rounding class of every float32 exponent. Rounding to m mantissa bits is adding half a quantum less one (plus the kept
/// lowest bit, for ties to even) and clearing the dropped bits; below the format's smallest normal the quantum is fixed, and
/// adding and subtracting 2^(emin − m + 23) makes the FPU round to it, ties to even.</remarks>
internal sealed class MiniFloatSpan
{
    private const int AbsMask = 0x7FFFFFFF, InfBits = 0x7F800000;
    private readonly int _exponentBits, _mantissaBits, _shift, _bias, _minNormalBits, _maxBits, _overflowBits, _nanBits, _nanSign;
    private readonly float _magic, _subnormalScale;
    private readonly FloatSpecials _specials;
    private readonly FloatFormat _format;

    /// <summary>Prepares the constants of <paramref name="format"/>, a narrow format (<see cref="FloatFormat.IsMini"/>).</summary>
    public MiniFloatSpan(FloatFormat format)
    {
        if (!format.IsMini) throw new ArgumentException($"{format.Name} is not a narrow float format", nameof(format));
        _exponentBits = format.ExponentBits;
        _specials = format.Specials;
        _format = format;
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
            for (; i <= bits.Length - 8; i += 8) RoundVector(Vector256.Create<int>(bits.Slice(i, 8))).CopyTo(bits.Slice(i, 8));
        for (; i < bits.Length; i++) bits[i] = RoundBits(bits[i]);
    }

    /// <summary>The value the format stores for <paramref name="x"/>.</summary>
    public float Round(float x) => BitConverter.Int32BitsToSingle(RoundBits(BitConverter.SingleToInt32Bits(x)));

    /// <summary>Replaces every finite value by the word of the value the format stores for it, clamped to ±max normal: its
    /// pattern as a width-bit two's-complement integer (an MX element word, see <c>MXElement.Encode</c>).</summary>
    public void Words(Span<float> values) => Words(values, 1f);

    /// <summary><see cref="Words(Span{float})"/> of every value times <paramref name="factor"/> (an MX block's 1 / scale), in
    /// the same pass.</summary>
    public void Words(Span<float> values, float factor)
    {
        var bits = MemoryMarshal.Cast<float, int>(values);
        int width = 1 + _exponentBits + _mantissaBits, i = 0;
        float max = BitConverter.Int32BitsToSingle(_maxBits);
        if (Vector256.IsHardwareAccelerated)
        {
            var high = Vector256.Create(max);
            var low = Vector256.Create(-max);
            var half = Vector256.Create(1 << (width - 1));
            var full = Vector256.Create(1 << width);
            for (; i <= bits.Length - 8; i += 8)
            {
                var scaled = Vector256.Create<float>(values.Slice(i, 8)) * Vector256.Create(factor);
                var clamped = Vector256.Min(Vector256.Max(scaled, low), high);
                var pattern = PatternVector(RoundVector(clamped.AsInt32()));
                var word = pattern - (Vector256.GreaterThanOrEqual(pattern, half) & full);
                Vector256.ConvertToSingle(word).CopyTo(values.Slice(i, 8));
            }
        }
        for (; i < values.Length; i++)
        {
            int pattern = Pattern(Round(Math.Clamp(values[i] * factor, -max, max)));
            values[i] = pattern >= 1 << (width - 1) ? pattern - (1 << width) : pattern;
        }
    }

    /// <summary>Replaces every word by the value of its low width bits (<see cref="MiniFloat.Decode"/> of <c>(long)word</c>), the
    /// inverse of <see cref="Words(Span{float})"/>; words that are not integers of int range take the scalar path.</summary>
    public void Values(Span<float> words) => Values(words, 1f);

    /// <summary><see cref="Values(Span{float})"/> times <paramref name="factor"/> (an MX block's scale), in the same pass.</summary>
    public void Values(Span<float> words, float factor)
    {
        int width = 1 + _exponentBits + _mantissaBits, i = 0;
        var format = _format;
        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(2147483520f);  // the largest float32 below 2^31: beyond it int and long conversions differ
            for (; i <= words.Length - 8; i += 8)
            {
                var w = Vector256.Create<float>(words.Slice(i, 8));
                if (!Vector256.LessThanAll(Vector256.Abs(w), limit))
                {
                    for (int k = i; k < i + 8; k++) words[k] = MiniFloat.Decode((long)words[k] & ((1L << width) - 1), format) * factor;
                    continue;
                }
                (ValueVector(Vector256.ConvertToInt32(w) & Vector256.Create((1 << width) - 1), width) * Vector256.Create(factor))
                    .CopyTo(words.Slice(i, 8));
            }
        }
        for (; i < words.Length; i++) words[i] = MiniFloat.Decode((long)words[i] & ((1L << width) - 1), format) * factor;
    }

    /// <summary><see cref="MiniFloat.Decode"/> of eight patterns.</summary>
    private Vector256<float> ValueVector(Vector256<int> pattern, int width)
    {
        int exponentMask = (1 << _exponentBits) - 1, mantissaMask = (1 << _mantissaBits) - 1;
        var exponent = Vector256.ShiftRightLogical(pattern, _mantissaBits) & Vector256.Create(exponentMask);
        var mantissa = pattern & Vector256.Create(mantissaMask);
        var normal = Vector256.ShiftLeft(exponent + Vector256.Create(127 - _bias), 23) | Vector256.ShiftLeft(mantissa, _shift);
        var small = (Vector256.ConvertToSingle(mantissa) * Vector256.Create(MathF.ScaleB(1f, 1 - _bias - _mantissaBits))).AsInt32();
        var magnitude = Vector256.ConditionalSelect(Vector256.Equals(exponent, Vector256<int>.Zero), small, normal);
        var top = Vector256.Equals(exponent, Vector256.Create(exponentMask));
        if (_specials == FloatSpecials.Ieee)
            magnitude = Vector256.ConditionalSelect(top, Vector256.ConditionalSelect(Vector256.Equals(mantissa, Vector256<int>.Zero),
                Vector256.Create(InfBits), Vector256.Create(0x7FC00000)), magnitude);
        else if (_specials == FloatSpecials.FiniteNaN)
            magnitude = Vector256.ConditionalSelect(top & Vector256.Equals(mantissa, Vector256.Create(mantissaMask)),
                Vector256.Create(0x7FC00000), magnitude);
        return (magnitude | Vector256.ShiftLeft(Vector256.ShiftRightLogical(pattern, width - 1), 31)).AsSingle();
    }

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

    /// <summary><see cref="RoundBits"/> on eight values.</summary>
    private Vector256<int> RoundVector(Vector256<int> x)
    {
        var absMask = Vector256.Create(AbsMask);
        var abs = x & absMask;
        var normal = (abs + Vector256.Create((1 << (_shift - 1)) - 1) + (Vector256.ShiftRightLogical(abs, _shift) & Vector256<int>.One))
            & Vector256.Create(~((1 << _shift) - 1));
        var magic = Vector256.Create(_magic);
        var small = ((abs.AsSingle() + magic) - magic).AsInt32();
        var r = Vector256.ConditionalSelect(Vector256.LessThan(abs, Vector256.Create(_minNormalBits)), small, normal);
        r = Vector256.ConditionalSelect(Vector256.GreaterThan(r, Vector256.Create(_maxBits)), Vector256.Create(_overflowBits), r)
            | (x & ~absMask);
        var nan = Vector256.Create(_nanBits) | (x & Vector256.Create(_nanSign));
        return Vector256.ConditionalSelect(Vector256.GreaterThan(abs, Vector256.Create(InfBits)), nan, r);
    }

    /// <summary><see cref="Pattern"/> on eight finite stored values.</summary>
    private Vector256<int> PatternVector(Vector256<int> stored)
    {
        var abs = stored & Vector256.Create(AbsMask);
        var normal = Vector256.ShiftLeft(Vector256.ShiftRightLogical(abs, 23) - Vector256.Create(127 - _bias), _mantissaBits)
            | (Vector256.ShiftRightLogical(abs, _shift) & Vector256.Create((1 << _mantissaBits) - 1));
        var small = Vector256.ConvertToInt32(abs.AsSingle() * Vector256.Create(_subnormalScale));
        var magnitude = Vector256.ConditionalSelect(Vector256.LessThan(abs, Vector256.Create(_minNormalBits)), small, normal);
        return magnitude | (Vector256.ShiftRightLogical(stored, 31) << (_exponentBits + _mantissaBits));
    }
}
