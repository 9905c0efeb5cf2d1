namespace Mrfi.Core.Benchmarks;

/// <summary>The measured result of one <see cref="BenchScenario"/>.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Group">Scenario group.</param>
/// <param name="MedianMs">Median milliseconds per forward of one batch.</param>
/// <param name="Ratio">Median over the golden forward's median, measured in the same run.</param>
/// <param name="FaultsPerForward">Mean faults injected per forward (0 for observers).</param>
public sealed record BenchRow(string Name, string Group, double MedianMs, double Ratio, double FaultsPerForward)
{
    /// <summary>For quantized rows: median milliseconds of the same entry's golden run (quantization, no faults), the
    /// golden pass a campaign with this entry compares against.</summary>
    public double? QuantizedGoldenMs { get; init; }

    /// <summary>In paired measurement (<see cref="PairedBenchmark"/>): median milliseconds of the golden forward in the
    /// rounds this row was paired with; <see cref="Ratio"/> is then the median of the per-round ratios, not
    /// <see cref="MedianMs"/> over this.</summary>
    public double? PairedGoldenMs { get; init; }

    /// <summary>In paired measurement: the row over its golden forward in each timed round, in round order (what
    /// <see cref="Ratio"/> is the median of, and what a second model's row is compared with round by round).</summary>
    public IReadOnlyList<double>? RoundRatios { get; init; }

    /// <summary><see cref="MedianMs"/> over <see cref="QuantizedGoldenMs"/>: the cost of the faults alone.</summary>
    public double? RatioToQuantizedGolden => QuantizedGoldenMs is { } g ? MedianMs / g : null;
}
