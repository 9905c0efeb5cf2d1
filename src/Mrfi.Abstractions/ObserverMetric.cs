namespace Mrfi;

/// <summary>One named number produced by an observer, e.g. ("rmse", 0.12).</summary>
/// <param name="Name">Metric name, lower case.</param>
/// <param name="Value">Metric value.</param>
public readonly record struct ObserverMetric(string Name, double Value);
