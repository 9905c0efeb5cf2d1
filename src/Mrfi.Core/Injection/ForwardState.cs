namespace Mrfi.Core.Injection;

/// <summary>What the hooks of a <see cref="FaultInjectionSession"/> do in the forwards of one scope
/// (<see cref="FaultInjectionSession.Forward(ForwardState)"/>).</summary>
/// <param name="Mode">Float, golden or faulty.</param>
/// <param name="Batch">The batch within the trial, for fault records and the early exit.</param>
public readonly record struct ForwardState(InjectionMode Mode, int Batch = 0)
{
    /// <summary>Whether observers see these forwards.</summary>
    public bool Observe { get; init; } = true;

    /// <summary>When set, golden forwards record what golden-aware observers would see into this cache instead of feeding them.</summary>
    public GoldenCache? Capture { get; init; }

    /// <summary>Golden forwards record the last injecting layer's outputs into it; faulty ones stop there when they match.</summary>
    public EarlyExit? EarlyExit { get; init; }

    /// <summary>A session's state outside any scope: faulty forwards that observers see.</summary>
    public static ForwardState Default => new(InjectionMode.Faulty);
}
