using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips one uniformly chosen bit of each b-bit integer; the sign bit is sign-extended so results stay in [-2^(b-1), 2^(b-1)).</summary>
[MrfiComponent("IntRandomBitFlip")]
public sealed class IntRandomBitFlipErrorModel : IErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Width b of the quantized integers.</param>
    public IntRandomBitFlipErrorModel(int bitWidth)
    {
        IntBits.CheckWidth(bitWidth);
        BitWidth = bitWidth;
    }

    /// <summary>Integer width.</summary>
    public int BitWidth { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        using var bits = torch.randint(0, BitWidth, values.shape, dtype: ScalarType.Int32, generator: generator);
        using var one = torch.ones_like(bits);
        using var mask = one.bitwise_left_shift(bits);
        using var isSign = bits.eq(BitWidth - 1);
        using var negated = mask.neg();
        using var signed = torch.where(isSign, negated, mask);
        using var onDevice = signed.to(values.device);
        return IntBits.Xor(values, onDevice);
    }
}
