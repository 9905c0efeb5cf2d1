namespace Mrfi.Core.Configuration;

/// <summary>One limit of a gate entry, e.g. <c>accuracy_min = 0.8</c>.</summary>
/// <param name="Metric">What is limited.</param>
/// <param name="Limit">The bound: a minimum for accuracy, a maximum for the rates.</param>
/// <param name="Key">The config key that set it, for messages.</param>
/// <param name="Location">Where the key was written; a failed gate is reported there.</param>
public sealed record GateThreshold(GateMetric Metric, double Limit, string Key, SourceLocation Location)
{
    /// <summary>Whether the metric must stay at or above the limit (accuracy) rather than at or below it (rates).</summary>
    public bool IsMinimum => Metric == GateMetric.Accuracy;
}
