using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>A bit stuck at 0 or 1: forces a given bit of each b-bit integer (a permanent bit fault when the positions are fixed).</summary>
[MrfiComponent("IntStuckAt", Summary = "Stuck-at-0/1: forces a given bit of each b-bit integer to 0 or 1.")]
public sealed class IntStuckAtErrorModel : IntBitErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Width b of the integers.</param>
    /// <param name="bit">The stuck bit (0 = LSB, b-1 = sign).</param>
    /// <param name="value">The value it is stuck at: 0 or 1.</param>
    public IntStuckAtErrorModel(int bitWidth, int bit, int value) : base(bitWidth)
    {
        CheckBit(bit);
        if (value is not (0 or 1)) throw new ArgumentOutOfRangeException(nameof(value), value, "value must be 0 or 1");
        Bit = bit;
        Value = value;
    }

    /// <summary>The stuck bit.</summary>
    public int Bit { get; }

    /// <summary>The stuck value.</summary>
    public int Value { get; }

    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, Generator generator, Device device) =>
        torch.full(shape, 1L << Bit, dtype: ScalarType.Int64, device: device);

    /// <inheritdoc />
    protected override Tensor Combine(Tensor value, Tensor mask) =>
        Value == 1 ? value.bitwise_or(mask) : value.bitwise_and(mask.bitwise_not());

    /// <inheritdoc />
    private protected override long CombineValue(long value, long mask) => Value == 1 ? value | mask : value & ~mask;
}
