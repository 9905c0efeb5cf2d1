using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Plugins.Sample;

/// <summary>A tensor stored word-interleaved across <c>banks</c> memory banks (flat index i lives in bank i mod banks):
/// selects every value held by the faulty banks — e.g. a defective SRAM bank of an accelerator.</summary>
[MrfiComponent("BankedMemory", Summary = "Every value stored in the faulty banks of a word-interleaved memory (index mod banks).")]
public sealed class BankedMemorySelector : ISelector, IExpectedFaults
{
    private readonly long[] _faulty;

    /// <summary>Creates the selector.</summary>
    /// <param name="banks">Number of banks the tensor is interleaved over.</param>
    /// <param name="faultyBanks">The defective banks (0-based).</param>
    public BankedMemorySelector(int banks, long[] faultyBanks)
    {
        if (banks < 1) throw new ArgumentOutOfRangeException(nameof(banks), banks, "banks must be at least 1");
        ArgumentNullException.ThrowIfNull(faultyBanks);
        if (faultyBanks.Any(b => b < 0 || b >= banks)) throw new ArgumentOutOfRangeException(nameof(faultyBanks), $"faulty_banks must lie in 0..{banks - 1}");
        Banks = banks;
        _faulty = [.. faultyBanks.Distinct().Order()];
    }

    /// <summary>Number of banks.</summary>
    public int Banks { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        long numel = shape.Aggregate(1L, (a, b) => a * b);
        using var all = torch.arange(numel, dtype: ScalarType.Int64);
        using var bank = all.remainder(Banks);
        using var faulty = torch.tensor(_faulty, dtype: ScalarType.Int64);
        using var hit = torch.isin(bank, faulty);
        return all.masked_select(hit);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape)
    {
        long numel = shape.Aggregate(1L, (a, b) => a * b);
        return _faulty.Sum(b => numel / Banks + (b < numel % Banks ? 1 : 0));
    }
}
