namespace Mrfi.Core.Campaigns;

/// <summary>One row of observers.parquet.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Layer">The module's qualified name ("" for the whole model).</param>
/// <param name="Position">pre or after.</param>
/// <param name="Observer">The observer's config name.</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="Value">The metric's value; null where the module never ran in the trial, so nothing was measured.</param>
/// <param name="Index">Position within a vector metric (bin, sample, dimension); null for scalars.</param>
public sealed record ObserverRecord(long Trial, string Layer, string Position, string Observer, string Metric, double? Value,
    long? Index = null);
