namespace Mrfi.Core.Gates;

/// <summary>What a gate threshold limits, per sweep point.</summary>
public enum GateMetric
{
    /// <summary>Mean top-1 accuracy over the point's repeats (t-interval); must stay at or above the limit.</summary>
    Accuracy,

    /// <summary>Pooled SDC rate over the point's samples (Wilson interval); must stay at or below the limit.</summary>
    Sdc,

    /// <summary>Pooled critical-SDC rate (right before, wrong after); must stay at or below the limit.</summary>
    CriticalSdc,

    /// <summary>Pooled DUE-like rate (NaN or ±Inf outputs); must stay at or below the limit.</summary>
    Due,
}
