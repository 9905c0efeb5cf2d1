namespace Mrfi.Core.Configuration;

/// <summary>[model]: an architecture (whose constructor binds the other keys) and a weights file.</summary>
/// <param name="Table">The [model] table; <c>architecture</c> names the type.</param>
/// <param name="Weights">Weights file, resolved against the config's folder; null for untrained weights.</param>
/// <param name="WeightsLocation">Where <c>weights</c> was written.</param>
public sealed record ModelSection(ConfigTable Table, string? Weights, SourceLocation WeightsLocation)
{
    /// <summary>[model] seed: the seed of the initial (untrained) weights; null = [run] seed.</summary>
    public long? Seed { get; init; }

    /// <summary>[model] output: classes, tensor, or decided from the first output (auto, the default).</summary>
    public OutputKind Output { get; init; }

    /// <summary>[model] tolerance: the largest relative deviation from the golden output that is not an SDC (tensor outputs).</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Where <c>output</c> was written (or the table), for errors found when the output is seen.</summary>
    public SourceLocation OutputLocation { get; init; }

    /// <summary>The default [model] tolerance: 1 % of the sample's largest golden magnitude.</summary>
    public const double DefaultTolerance = 0.01;
}
