namespace Mrfi.Core.Injection;

/// <summary>What a trial injected, returned when it ends (<see cref="FaultInjectionSession.EndTrial"/>).</summary>
/// <param name="Count">Faults injected.</param>
/// <param name="Records">Each fault, when the session records them (else empty).</param>
public sealed record TrialFaults(long Count, IReadOnlyList<FaultRecord> Records);
