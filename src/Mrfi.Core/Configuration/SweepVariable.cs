namespace Mrfi.Core.Configuration;

/// <summary>A swept variable: a name and its values.</summary>
/// <param name="Name">Referenced as <c>"$name"</c> in component arguments.</param>
/// <param name="Values">The values, in order.</param>
public sealed record SweepVariable(string Name, IReadOnlyList<double> Values);
