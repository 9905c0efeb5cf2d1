using System.Buffers;
using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Base of the error models that change bits of float values (float16, bfloat16, float32, float64, and the narrow
/// OCP formats float8_e4m3fn, float8_e5m2, float6_e3m2, float6_e2m3, float4_e2m1), on the tensor's device.</summary>
/// <remarks>Bit 0 is the mantissa LSB. The narrow formats round to nearest even, saturate or overflow to Inf as each format
/// does (see <see cref="MiniFloat"/>), and are converted on the CPU. As in MRFI, values are first rounded to <c>floattype</c> when it
/// differs from the
/// tensor's type, and the result is converted back to the tensor's type.</remarks>
public abstract class FloatBitErrorModel : IErrorModel, IBitWidth, ISpanErrorModel
{
    private bool? _spans;

    private protected FloatBitErrorModel(string? floattype, bool suppressInvalid)
    {
        Format = FloatFormat.Parse(floattype);
        SuppressInvalid = suppressInvalid;
    }

    private protected FloatFormat? Format { get; }

    /// <summary>Whether NaN and ±Inf results become 0.</summary>
    public bool SuppressInvalid { get; }

    /// <summary>The stored width: of floattype, or 32 (the models' float32) when it follows the tensor.</summary>
    public int BitWidth => Format?.Width ?? 32;

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator) =>
        FloatBits.Modify(values, Format, SuppressInvalid, (bits, f) =>
        {
            using var mask = Mask(values.shape, f.Width, generator, values.device);
            return Combine(bits, mask);
        });

    /// <summary>float32 values flipped as float32 (the format unset or float32), as <see cref="FloatBits"/>' managed path does:
    /// a NaN becomes the quiet NaN with its sign before the flip; or flipped in a narrow format, as its tensor path does.</summary>
    bool ISpanErrorModel.TryApply(Span<float> values, Generator generator)
    {
        bool mini = Format is { IsMini: true };
        if ((Format is { } f && f.FloatType != ScalarType.Float32) || !(_spans ??= SpanErrorModels.CombinesKnown(this))) return false;
        var rented = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            var mask = rented.AsSpan(0, values.Length);
            MaskInto(mask, mini ? Format!.Width : 32, generator);
            for (int i = 0; i < values.Length; i++)
            {
                if (mini)
                {
                    float r = MiniFloat.Decode(CombineValue(MiniFloat.Encode(values[i], Format!), mask[i]), Format!);
                    values[i] = SuppressInvalid && !float.IsFinite(r) ? 0f : r;
                    continue;
                }
                int b = BitConverter.SingleToInt32Bits(values[i]);
                if (float.IsNaN(values[i])) b = (b & int.MinValue) | 0x7FC00000;
                long changed = CombineValue((uint)b, mask[i]);
                float v = BitConverter.Int32BitsToSingle(unchecked((int)(uint)(changed & 0xFFFFFFFFL)));
                values[i] = SuppressInvalid && !float.IsFinite(v) ? 0f : v;
            }
            return true;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>The span form of <see cref="Mask"/>: the same draws, into <paramref name="mask"/> (one per value).</summary>
    private protected virtual void MaskInto(Span<long> mask, int width, Generator generator)
    {
        using var tensor = Mask([mask.Length], width, generator, CPU);
        SpanErrorModels.CopyMask(tensor, mask);
    }

    /// <summary>The span form of <see cref="Combine"/>: XOR by default.</summary>
    private protected virtual long CombineValue(long bits, long mask) => bits ^ mask;

    /// <summary>The int64 mask of bits to change for each value.</summary>
    protected abstract Tensor Mask(long[] shape, int width, Generator generator, Device device);

    /// <summary>How the mask changes a bit pattern: XOR (a flip) by default.</summary>
    protected virtual Tensor Combine(Tensor bits, Tensor mask) => bits.bitwise_xor(mask);

    /// <summary>Checks a bit index against the configured width (or 64 when it follows the tensor; checked again per call).</summary>
    private protected void CheckBit(long bit, int? width = null)
    {
        int w = width ?? Format?.Width ?? 64;
        if (bit < 0 || bit >= w) throw new ArgumentOutOfRangeException(nameof(bit), bit, $"bit must be between 0 and {w - 1}");
    }
}
