namespace Mrfi.Core.Benchmarks;

/// <summary>The measured result of one <see cref="BenchScenario"/>.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Group">Scenario group.</param>
/// <param name="MedianMs">Median milliseconds per forward of one batch.</param>
/// <param name="Ratio">Median over the golden forward's median, measured in the same run.</param>
/// <param name="FaultsPerForward">Mean faults injected per forward (0 for observers).</param>
public sealed record BenchRow(string Name, string Group, double MedianMs, double Ratio, double FaultsPerForward);
