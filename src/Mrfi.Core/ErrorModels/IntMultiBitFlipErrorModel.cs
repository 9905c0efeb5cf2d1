using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>A multi-bit upset: flips <c>bits</c> distinct, uniformly chosen bits of each b-bit integer.</summary>
[MrfiComponent("IntMultiBitFlip", Summary = "Multi-bit upset: flips k distinct random bits of each b-bit integer.")]
public sealed class IntMultiBitFlipErrorModel : IntBitErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Width b of the integers.</param>
    /// <param name="bits">How many distinct bits to flip per value (k).</param>
    public IntMultiBitFlipErrorModel(int bitWidth, int bits = 2) : base(bitWidth)
    {
        BitMasks.CheckCount(bits, bitWidth);
        Bits = bits;
    }

    /// <summary>Bits flipped per value.</summary>
    public int Bits { get; }

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, Generator generator, Device device) =>
        BitMasks.RandomDistinct(shape, BitWidth, Bits, generator, device);
}
