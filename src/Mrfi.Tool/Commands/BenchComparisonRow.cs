namespace Mrfi.Tool.Commands;

/// <summary>One row of <c>bench --onnx</c> side by side: each model's ratio to its own golden forward, from the same
/// paired rounds, and their difference with its uncertainty.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Group">Scenario group.</param>
/// <param name="OnnxRatio">The imported graph's row over its golden forward (median of per-round ratios).</param>
/// <param name="BuiltInRatio">The built-in model's, in the same rounds.</param>
/// <param name="Difference">Imported minus built-in (target: within ±0.05): the median over rounds of the two ratios'
/// difference in the same round, which cancels what a round's load does to both models.</param>
/// <param name="DifferenceLow">Lower end of the 95 % distribution-free interval of <paramref name="Difference"/>.</param>
/// <param name="DifferenceHigh">Upper end of that interval.</param>
/// <param name="DifferenceOfMedians"><paramref name="OnnxRatio"/> − <paramref name="BuiltInRatio"/>, the difference as
/// earlier versions reported it.</param>
internal sealed record BenchComparisonRow(string Name, string Group, double OnnxRatio, double BuiltInRatio, double Difference,
    double DifferenceLow, double DifferenceHigh, double DifferenceOfMedians);
