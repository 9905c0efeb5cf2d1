namespace Mrfi.Core.Benchmarks;

/// <summary>Everything <c>dotnet mrfi bench</c> measured in one run (also written as JSON).</summary>
/// <param name="Model">Architecture name.</param>
/// <param name="InputShape">Batch shape [N, C, H, W].</param>
/// <param name="Threads">Intra-op threads.</param>
/// <param name="Iterations">Timed forwards per row (after warm-up).</param>
/// <param name="GoldenMs">Median milliseconds of the plain forward (no hooks): the denominator of every ratio.</param>
/// <param name="Rows">One row per scenario.</param>
public sealed record BenchResult(string Model, long[] InputShape, int Threads, int Iterations, double GoldenMs,
    IReadOnlyList<BenchRow> Rows)
{
    /// <summary>Peak resident memory of golden and injected forwards, when measured.</summary>
    public PeakMemoryResult? Memory { get; init; }

    /// <summary>Throughput of a whole campaign, when measured.</summary>
    public CampaignThroughput? Campaign { get; init; }

    /// <summary>Processor, core count, OS and runtime of the machine that measured.</summary>
    public string Machine { get; init; } = "";
}
