using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips one uniformly chosen bit of each b-bit integer.</summary>
[MrfiComponent("IntRandomBitFlip", Summary = "Flips one uniformly random bit of each b-bit integer.")]
public sealed class IntRandomBitFlipErrorModel(int bitWidth) : IntBitErrorModel(bitWidth)
{
    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, Generator generator, Device device) =>
        BitMasks.RandomBit(shape, BitWidth, generator, device);

    /// <inheritdoc />
    private protected override void MaskInto(Span<long> mask, Generator generator) => BitMasks.RandomBitInto(mask, BitWidth, generator);
}
