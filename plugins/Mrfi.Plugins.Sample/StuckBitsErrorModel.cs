using static TorchSharp.torch;

namespace Mrfi.Plugins.Sample;

/// <summary>A word with several stuck bits: bits in <c>stuck_at_one</c> read 1 and bits in <c>stuck_at_zero</c> read 0, in
/// b-bit two's-complement integers (a stuck sign bit is sign-extended). Pair it with BankedMemory or SystolicPE for a
/// permanent hardware defect.</summary>
[MrfiComponent("StuckBits", Summary = "Words with given bits stuck at 1 and at 0 (b-bit two's complement).")]
public sealed class StuckBitsErrorModel : IErrorModel, IBitWidth
{
    private readonly long _one;
    private readonly long _zero;

    /// <summary>Creates the model.</summary>
    /// <param name="bitWidth">Word width b, 2..32.</param>
    /// <param name="stuckAtOne">Bits that read 1.</param>
    /// <param name="stuckAtZero">Bits that read 0.</param>
    public StuckBitsErrorModel(int bitWidth, long[]? stuckAtOne = null, long[]? stuckAtZero = null)
    {
        if (bitWidth is < 2 or > 32) throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "bit_width must be between 2 and 32");
        stuckAtOne ??= [];
        stuckAtZero ??= [];
        if (stuckAtOne.Concat(stuckAtZero).Any(b => b < 0 || b >= bitWidth))
            throw new ArgumentOutOfRangeException(nameof(stuckAtOne), $"stuck bits must lie in 0..{bitWidth - 1}");
        if (stuckAtOne.Intersect(stuckAtZero).Any()) throw new ArgumentException("a bit cannot be stuck at both 0 and 1", nameof(stuckAtZero));
        BitWidth = bitWidth;
        _one = Extend(stuckAtOne.Aggregate(0L, (m, b) => m | (1L << (int)b)));
        _zero = Extend(stuckAtZero.Aggregate(0L, (m, b) => m | (1L << (int)b)));
    }

    /// <inheritdoc />
    public int BitWidth { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        using var asInt = values.to_type(ScalarType.Int64);
        using var set = asInt.bitwise_or(_one);
        using var cleared = set.bitwise_and(~_zero);
        return cleared.to_type(values.dtype);
    }

    private long Extend(long mask)
    {
        long sign = 1L << (BitWidth - 1);
        return (mask & sign) != 0 ? mask | -sign : mask;
    }
}
