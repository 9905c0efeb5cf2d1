using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>32-bit two's-complement helpers for the integer error models (values hold quantized integers).</summary>
internal static class IntBits
{
    public static void CheckWidth(int bitWidth)
    {
        if (bitWidth is < 2 or > 32) throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "bit_width must be between 2 and 32");
    }

    /// <summary>The XOR mask that flips bit <c>bit</c> of a b-bit value; the sign bit (b-1) is sign-extended, as in MRFI.</summary>
    public static int Mask(int bit, int bitWidth) => bit == bitWidth - 1 ? -(1 << bit) : 1 << bit;

    /// <summary>Truncates toward zero to int32, XORs with <paramref name="mask"/>, and returns to the original dtype.</summary>
    public static Tensor Xor(Tensor values, Tensor mask)
    {
        using var asInt = values.to_type(ScalarType.Int32);
        using var flipped = asInt.bitwise_xor(mask);
        return flipped.to_type(values.dtype);
    }
}
