using Mrfi.Core.Injection;

namespace Mrfi.Core.Campaigns;

/// <summary>A finished trial: its row, observer rows and fault records, and how many of its batches stopped early.</summary>
internal sealed record TrialResult(TrialRecord Record, IReadOnlyList<ObserverRecord> Observed, IReadOnlyList<FaultRecord> Faults,
    long EarlyExits);
