using Mrfi.Core.Configuration;

namespace Mrfi.Core.Injection;

/// <summary>One observer instance attached to one module.</summary>
/// <param name="Method">The observer's config name, e.g. RMSE.</param>
/// <param name="Module">The module's qualified name.</param>
/// <param name="Position">Input or output.</param>
/// <param name="Observer">The instance (reset per trial).</param>
public sealed record ObserverBinding(string Method, string Module, ObservePosition Position, IObserver Observer)
{
    /// <summary>Where the observer was configured, for run-time errors.</summary>
    public SourceLocation? Location { get; init; }
}
