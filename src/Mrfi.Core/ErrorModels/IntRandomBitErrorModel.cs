using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Replaces values with uniformly random b-bit integers: [0, 2^b) unsigned or [-2^(b-1), 2^(b-1)) signed.</summary>
[MrfiComponent("IntRandomBit", Summary = "Replaces values with random b-bit integers: [0, 2^b) or, signed, [-2^(b-1), 2^(b-1)).")]
public sealed class IntRandomBitErrorModel : IErrorModel, IBitWidth
{
    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Width b, 1..32 (2..32 when signed).</param>
    /// <param name="signed">Signed range instead of unsigned.</param>
    public IntRandomBitErrorModel(int bitWidth = 8, bool signed = false)
    {
        int minimum = signed ? 2 : 1;
        if (bitWidth < minimum || bitWidth > 32)
            throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth,
                $"bit_width must be between {minimum} and 32{(signed ? " when signed" : "")}");
        BitWidth = bitWidth;
        Signed = signed;
    }

    /// <inheritdoc />
    public int BitWidth { get; }

    /// <summary>Whether the range is signed.</summary>
    public bool Signed { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator) => Signed
        ? RandomValues.Integers(values, generator, -(1L << (BitWidth - 1)), 1L << (BitWidth - 1))
        : RandomValues.Integers(values, generator, 0, 1L << BitWidth);
}
