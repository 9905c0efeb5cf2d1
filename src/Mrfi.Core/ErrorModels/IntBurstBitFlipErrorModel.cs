using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>A burst: flips <c>bits</c> adjacent bits of each b-bit integer, starting at a uniform position.</summary>
[MrfiComponent("IntBurstBitFlip", Summary = "Burst: flips k adjacent bits of each b-bit integer at a random position.")]
public sealed class IntBurstBitFlipErrorModel : IntBitErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Width b of the integers.</param>
    /// <param name="bits">Length of the burst (k adjacent bits).</param>
    public IntBurstBitFlipErrorModel(int bitWidth, int bits = 2) : base(bitWidth)
    {
        BitMasks.CheckCount(bits, bitWidth);
        Bits = bits;
    }

    /// <summary>Burst length.</summary>
    public int Bits { get; }

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, Generator generator, Device device) =>
        BitMasks.Burst(shape, BitWidth, Bits, generator, device);
}
