using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips a given bit of each b-bit integer (or one given bit per selected value).</summary>
[MrfiComponent("IntFixedBitFlip", Summary = "Flips a given bit (or one per selected value) of each b-bit integer.")]
public sealed class IntFixedBitFlipErrorModel : IntBitErrorModel
{
    private readonly long[] _bits;

    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Width b of the integers.</param>
    /// <param name="bit">The bit to flip (0 = LSB), or a list with one bit per selected value.</param>
    public IntFixedBitFlipErrorModel(int bitWidth, long[] bit) : base(bitWidth)
    {
        ArgumentNullException.ThrowIfNull(bit);
        if (bit.Length == 0) throw new ArgumentException("bit must name at least one bit", nameof(bit));
        foreach (var b in bit) CheckBit(b);
        _bits = bit;
    }

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, Generator generator, Device device) =>
        BitMasks.Fixed(_bits, PerValue.Check(_bits.Length, shape, "bit"), device);
}
