namespace Mrfi.Core.Benchmarks;

/// <summary>One row of <c>dotnet mrfi bench</c>: a fault entry (or an observer) timed against the golden forward.</summary>
/// <param name="Name">Row label, e.g. "weight BER 1e-4, int8".</param>
/// <param name="Group">single | activation BER | weight BER | faults | observer.</param>
/// <param name="Entry">The [[fault_inject]] body (TOML lines), or null for an observer row.</param>
/// <param name="Observer">The observer method, or null for a fault row.</param>
public sealed record BenchScenario(string Name, string Group, string? Entry, string? Observer)
{
    /// <summary>Whether the peak-memory measurement runs this row's entry (together with the other rows that say so).</summary>
    public bool ForMemory { get; init; }

    /// <summary>For an observer row: the TOML line naming the layers it observes, instead of the default (every Conv2d
    /// and Linear layer; Linear only for TopKChange).</summary>
    public string? Modules { get; init; }
}
