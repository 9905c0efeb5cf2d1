using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips a fixed bit (or one bit per value, from a list) of each value's IEEE-754 representation.</summary>
[MrfiComponent("FloatFixedBitFlip")]
public sealed class FloatFixedBitFlipErrorModel : IErrorModel
{
    private readonly FloatFormat? _format;
    private readonly long[] _bits;

    /// <summary>Creates the model.</summary>
    /// <param name="bit">The bit to flip (0 = mantissa LSB), or one bit per selected value.</param>
    /// <param name="floattype">float16, bfloat16, float32 or float64; default: the tensor's own type.</param>
    /// <param name="suppressInvalid">Replace resulting NaN and ±Inf with 0.</param>
    public FloatFixedBitFlipErrorModel(long[] bit, string? floattype = null, bool suppressInvalid = false)
    {
        ArgumentNullException.ThrowIfNull(bit);
        if (bit.Length == 0) throw new ArgumentException("bit must name at least one bit", nameof(bit));
        _format = FloatFormat.Parse(floattype);
        int? width = _format?.Width;
        foreach (var b in bit)
        {
            if (b < 0 || b >= (width ?? 64))
                throw new ArgumentOutOfRangeException(nameof(bit), b, $"bit must be between 0 and {(width ?? 64) - 1}");
        }
        _bits = bit;
        SuppressInvalid = suppressInvalid;
    }

    /// <summary>The configured bits.</summary>
    public IReadOnlyList<long> Bits => _bits;

    /// <summary>Whether NaN/Inf results become 0.</summary>
    public bool SuppressInvalid { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        int width = (_format ?? FloatFormat.Of(values.dtype)).Width;
        if (_bits.Any(b => b >= width))
            throw new ArgumentOutOfRangeException(nameof(values), $"bit {_bits.Max()} does not exist in a {width}-bit float");
        Tensor bits;
        if (_bits.Length == 1) bits = torch.full(values.shape, _bits[0], dtype: ScalarType.Int64);
        else if (_bits.Length == values.numel()) bits = torch.tensor(_bits, dtype: ScalarType.Int64).reshape(values.shape);
        else throw new ArgumentException($"bit lists {_bits.Length} bits but {values.numel()} values were selected; give one bit or one per value");
        using (bits) return FloatBitFlip.Apply(values, bits, _format, SuppressInvalid);
    }
}
