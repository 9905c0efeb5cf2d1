using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Base of the error models that change bits of b-bit two's-complement integers (quantized values held in floats).</summary>
/// <remarks>Values are truncated toward zero, as MRFI does. A mask that touches the sign bit (b-1) is sign-extended, so
/// the result is again a b-bit integer in [-2^(b-1), 2^(b-1)) — MRFI's negative-mask trick, for any set of bits.</remarks>
public abstract class IntBitErrorModel : IErrorModel, IBitWidth
{
    /// <summary>Checks and stores the width.</summary>
    protected IntBitErrorModel(int bitWidth)
    {
        // 1 bit, as MRFI allows, pairs with a 1-bit PositiveQuantization; its only bit is then the (sign-extended) sign bit.
        if (bitWidth is < 1 or > 32) throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "bit_width must be between 1 and 32");
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

    /// <summary>The int64 mask of bits (within 0..b-1) to change for each value, on <paramref name="device"/>.</summary>
    protected abstract Tensor Mask(long[] shape, Generator generator, Device device);

    /// <summary>How the mask changes a value: XOR (a flip) by default.</summary>
    protected virtual Tensor Combine(Tensor value, Tensor mask) => value.bitwise_xor(mask);

    /// <summary>Checks a bit index against the width.</summary>
    protected void CheckBit(long bit, string name = "bit")
    {
        if (bit < 0 || bit >= BitWidth) throw new ArgumentOutOfRangeException(name, bit, $"{name} must be between 0 and {BitWidth - 1} for bit_width {BitWidth}");
    }
}
