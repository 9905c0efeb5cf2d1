namespace Mrfi;

/// <summary>One named number produced by an observer, e.g. ("rmse", 0.12); vector results use <paramref name="Index"/>.</summary>
/// <param name="Name">Metric name, lower case.</param>
/// <param name="Value">Metric value.</param>
/// <param name="Index">Position within a vector metric (histogram bin, sample number); null for a scalar.</param>
public readonly record struct ObserverMetric(string Name, double Value, long? Index = null);
