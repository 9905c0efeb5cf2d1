using System.Buffers;
using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Base of the error models that change bits of b-bit two's-complement integers (quantized values held in floats).</summary>
/// <remarks>Values are truncated toward zero, as MRFI does. A mask that touches the sign bit (b-1) is sign-extended, so
/// the result is again a b-bit integer in [-2^(b-1), 2^(b-1)) — MRFI's negative-mask trick, for any set of bits.</remarks>
public abstract class IntBitErrorModel : IErrorModel, IBitWidth, ISpanErrorModel
{
    private bool? _spans;

    /// <summary>Checks and stores the width.</summary>
    protected IntBitErrorModel(int bitWidth)
    {
        // 1 bit, as MRFI allows, pairs with a 1-bit PositiveQuantization; its only bit is then the (sign-extended) sign bit.
        if (bitWidth is < 1 or > 32)
            throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "bit_width must be between 1 and 32");
        BitWidth = bitWidth;
    }

    /// <inheritdoc />
    public int BitWidth { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var asInt = values.to_type(ScalarType.Int64);
        var mask = Mask(values.shape, generator, values.device);
        long sign = 1L << (BitWidth - 1);
        var extended = torch.where(mask.bitwise_and(sign).ne(0), mask.bitwise_or(-sign), mask);
        return Combine(asInt, extended).to_type(values.dtype).MoveToOuterDisposeScope();
    }

    bool ISpanErrorModel.TryApply(Span<float> values, Generator generator)
    {
        if (!(_spans ??= SpanErrorModels.CombinesKnown(this))) return false;
        var rented = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            var mask = rented.AsSpan(0, values.Length);
            MaskInto(mask, generator);
            long sign = 1L << (BitWidth - 1);
            for (int i = 0; i < values.Length; i++)
            {
                long m = (mask[i] & sign) != 0 ? mask[i] | -sign : mask[i];
                values[i] = (float)CombineValue(SpanErrorModels.Truncate(values[i]), m);
            }
            return true;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>The span form of <see cref="Mask"/>: the same draws, into <paramref name="mask"/> (one per value).</summary>
    private protected virtual void MaskInto(Span<long> mask, Generator generator)
    {
        using var tensor = Mask([mask.Length], generator, CPU);
        SpanErrorModels.CopyMask(tensor, mask);
    }

    /// <summary>The span form of <see cref="Combine"/>: XOR by default.</summary>
    private protected virtual long CombineValue(long value, long mask) => value ^ mask;

    /// <summary>The int64 mask of bits (within 0..b-1) to change for each value, on <paramref name="device"/>.</summary>
    protected abstract Tensor Mask(long[] shape, Generator generator, Device device);

    /// <summary>How the mask changes a value: XOR (a flip) by default.</summary>
    protected virtual Tensor Combine(Tensor value, Tensor mask) => value.bitwise_xor(mask);

    /// <summary>Checks a bit index against the width.</summary>
    protected void CheckBit(long bit, string name = "bit")
    {
        if (bit < 0 || bit >= BitWidth)
            throw new ArgumentOutOfRangeException(name, bit, $"{name} must be between 0 and {BitWidth - 1} for bit_width {BitWidth}");
    }
}
