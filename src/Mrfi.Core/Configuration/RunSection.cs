namespace Mrfi.Core.Configuration;

/// <summary>[run]: campaign-wide settings.</summary>
/// <param name="Seed">Fixes every random draw.</param>
/// <param name="Device">cpu, cuda or cuda:N.</param>
/// <param name="BatchSize">Images per forward.</param>
/// <param name="Threads">Torch intra-op threads; 0 = Torch's default.</param>
/// <param name="Output">Folder under which each run creates its own results folder.</param>
public sealed record RunSection(long Seed, string Device, int BatchSize, int Threads, string Output)
{
    /// <summary>faults.parquet: true, false, or null for "auto" (on when the campaign is expected to inject at most a million
    /// faults).</summary>
    public bool? FaultRecords { get; init; }

    /// <summary>Most megabytes of golden activations kept per sweep point for observers that compare against the golden run;
    /// within it a trial runs one forward per batch instead of two.</summary>
    public long GoldenCacheMb { get; init; } = 1024;

    /// <summary>Per-sample weight faults as a sparse correction of the golden output (true), or as a forward of the layer per
    /// faulty sample with its weights changed (false: the plain path, slower, for checking).</summary>
    public bool Batched { get; init; } = true;

    /// <summary>Model replicas running a sweep point's repeats side by side, each with threads / workers intra-op threads;
    /// 0 (the default) picks automatically: replicas for small models, where intra-op threading scales poorly.</summary>
    public int Workers { get; init; }
    /// <summary>Where device was written (the [run] table, or the file when absent), for a device error.</summary>
    public SourceLocation DeviceLocation { get; init; }

    /// <summary>In campaigns without observers, stop a faulty forward at the last injecting layer when its output equals
    /// the golden one (the batch is masked); results are the same either way.</summary>
    public bool EarlyExit { get; init; } = true;

    /// <summary>Seconds one inline C# call may run before the run stops at its line (a snippet that never returns);
    /// 0 (the default) = 100 golden batch times, at least 60 s.</summary>
    public double Watchdog { get; init; }
}
