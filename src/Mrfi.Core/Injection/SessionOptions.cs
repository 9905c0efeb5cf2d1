namespace Mrfi.Core.Injection;

/// <summary>What a <see cref="FaultInjectionSession"/> is set up with, fixed for its lifetime.</summary>
public sealed record SessionOptions
{
    /// <summary>The campaign seed, from which campaign-scope permanent faults are drawn.</summary>
    public long CampaignSeed { get; init; }

    /// <summary>Whether every injected fault is recorded (for faults.parquet).</summary>
    public bool RecordFaults { get; init; }

    /// <summary>Per-sample weight faults as a sparse correction (true) or as a forward of the layer per faulty sample (false).</summary>
    public bool Batched { get; init; } = true;
}
