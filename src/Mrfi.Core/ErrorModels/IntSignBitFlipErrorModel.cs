using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips the sign bit of b-bit integers: <c>x XOR -(2^(b-1))</c>, so x ≥ 0 becomes x - 2^(b-1) and x &lt; 0 becomes x + 2^(b-1).</summary>
[MrfiComponent("IntSignBitFlip")]
public sealed class IntSignBitFlipErrorModel : IErrorModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Width b of the quantized integers.</param>
    public IntSignBitFlipErrorModel(int bitWidth)
    {
        IntBits.CheckWidth(bitWidth);
        BitWidth = bitWidth;
    }

    /// <summary>Integer width.</summary>
    public int BitWidth { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        using var mask = torch.tensor(IntBits.Mask(BitWidth - 1, BitWidth), dtype: ScalarType.Int32, device: values.device);
        return IntBits.Xor(values, mask);
    }
}
