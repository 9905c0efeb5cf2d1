using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mrfi.Core.Kernels;

/// <summary>A per-tensor quantization as float32 scalars, applied to spans by the fused kernels with the same float32
/// operations in the same order as the tensor path, so results agree bit for bit.</summary>
/// <remarks>Quantize: <c>round(clamp((x + Shift)·Scale + Offset, Low, High))</c> (shifted, MRFI's symmetric form) or
/// <c>round(clamp(x·Scale, Low, High))</c>; dequantize: <c>(q - Offset)·DeScale - Shift</c> or <c>q·DeScale</c>. Every step
/// rounds to float32 as libtorch does (no fused multiply-add); rounding is half to even; clamping keeps NaN.</remarks>
internal readonly struct ScalarQuantization
{
    private readonly bool _shifted;
    private readonly float _shift, _scale, _offset, _low, _high, _deScale;

    private ScalarQuantization(bool shifted, float shift, float scale, float offset, float low, float high, float deScale)
    {
        _shifted = shifted;
        _shift = shift;
        _scale = scale;
        _offset = offset;
        _low = low;
        _high = high;
        _deScale = deScale;
    }

    /// <summary>MRFI's symmetric form: shift by the range, scale, shift by the lowest integer (which is also the lower clamp).</summary>
    public static ScalarQuantization Shifted(float shift, float scale, float low, float high, float deScale) =>
        new(true, shift, scale, low, low, high, deScale);

    /// <summary>Scale and clamp only (positive and fixed-point forms).</summary>
    public static ScalarQuantization Scaled(float scale, float low, float high, float deScale) =>
        new(false, 0, scale, 0, low, high, deScale);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Quantize(float x)
    {
        float y = _shifted ? (x + _shift) * _scale + _offset : x * _scale;
        y = y < _low ? _low : y > _high ? _high : y;
        return MathF.Round(y, MidpointRounding.ToEven);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Dequantize(float q) => _shifted ? (q - _offset) * _deScale - _shift : q * _deScale;

    /// <summary>Quantizes <paramref name="values"/> in place.</summary>
    public void Quantize(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = Quantize(values[i]);
    }

    /// <summary>Dequantizes <paramref name="values"/> in place.</summary>
    public void Dequantize(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = Dequantize(values[i]);
    }

    /// <summary><c>destination[i] = dequantize(quantize(source[i]))</c>, vectorised; the spans are the same memory or do not
    /// overlap.</summary>
    public void RoundTrip(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (destination.Length < source.Length) throw new ArgumentException("destination is shorter than source", nameof(destination));
        int i = 0;
        if (Vector256.IsHardwareAccelerated && source.Length >= Vector256<float>.Count)
        {
            ref float src = ref MemoryMarshal.GetReference(source);
            ref float dst = ref MemoryMarshal.GetReference(destination);
            var shift = Vector256.Create(_shift);
            var scale = Vector256.Create(_scale);
            var offset = Vector256.Create(_offset);
            var low = Vector256.Create(_low);
            var high = Vector256.Create(_high);
            var deScale = Vector256.Create(_deScale);
            int last = source.Length - Vector256<float>.Count;
            for (; i <= last; i += Vector256<float>.Count)
            {
                var y = Vector256.LoadUnsafe(ref src, (nuint)i);
                y = _shifted ? (y + shift) * scale + offset : y * scale;
                y = Vector256.ConditionalSelect(Vector256.LessThan(y, low), low, y);
                y = Vector256.ConditionalSelect(Vector256.GreaterThan(y, high), high, y);
                y = Vector256.Round(y);
                y = _shifted ? (y - offset) * deScale - shift : y * deScale;
                y.StoreUnsafe(ref dst, (nuint)i);
            }
        }
        for (; i < source.Length; i++) destination[i] = Dequantize(Quantize(source[i]));
    }
}
