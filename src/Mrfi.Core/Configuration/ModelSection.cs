namespace Mrfi.Core.Configuration;

/// <summary>[model]: an architecture (whose constructor binds the other keys) and a weights file.</summary>
/// <param name="Table">The [model] table; <c>architecture</c> names the type.</param>
/// <param name="Weights">Weights file, resolved against the config's folder; null for untrained weights.</param>
/// <param name="WeightsLocation">Where <c>weights</c> was written.</param>
public sealed record ModelSection(ConfigTable Table, string? Weights, SourceLocation WeightsLocation)
{
    /// <summary>[model] seed: the seed of the initial (untrained) weights; null = [run] seed.</summary>
    public long? Seed { get; init; }
}
