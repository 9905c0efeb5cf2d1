using Mrfi.Core.Injection;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Planning;

/// <summary>An [[observe]] entry resolved to its modules, with a factory for fresh instances.</summary>
/// <param name="Method">The observer's config name.</param>
/// <param name="Modules">Qualified names of the watched modules.</param>
/// <param name="Position">Input or output.</param>
/// <param name="Create">Builds a new observer instance.</param>
public sealed record ObserverPlan(string Method, IReadOnlyList<string> Modules, ObservePosition Position, Func<IObserver> Create)
{
    /// <summary>One new instance per module.</summary>
    public IEnumerable<ObserverBinding> Bind() =>
        Modules.Select(m => new ObserverBinding(Method, m, Position, Create()) { Location = Location });

    /// <summary>Where the entry was written.</summary>
    public SourceLocation? Location { get; init; }
}
