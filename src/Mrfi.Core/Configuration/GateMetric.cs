namespace Mrfi.Core.Configuration;

/// <summary>What a gate threshold limits, per sweep point.</summary>
public enum GateMetric
{
    /// <summary>Mean top-1 accuracy over the point's repeats (t-interval); must stay at or above the limit.</summary>
    Accuracy,

    /// <summary>SDC rate: mean over the point's trials with a t-interval across them; must stay at or below the limit.</summary>
    Sdc,

    /// <summary>Critical-SDC rate over the trials (right before, wrong after); must stay at or below the limit.</summary>
    CriticalSdc,

    /// <summary>DUE-like rate over the trials (NaN or ±Inf outputs); must stay at or below the limit.</summary>
    Due,
}
