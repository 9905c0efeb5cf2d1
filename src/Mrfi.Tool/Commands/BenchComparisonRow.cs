namespace Mrfi.Tool.Commands;

/// <summary>One row of <c>bench --onnx</c> side by side: each model's ratio to its own golden forward, from the same
/// paired rounds.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Group">Scenario group.</param>
/// <param name="OnnxRatio">The imported graph's row over its golden forward (median of per-round ratios).</param>
/// <param name="BuiltInRatio">The built-in model's, in the same rounds.</param>
/// <param name="Difference">Imported minus built-in (target: within ±0.05).</param>
internal sealed record BenchComparisonRow(string Name, string Group, double OnnxRatio, double BuiltInRatio, double Difference);
