using Mrfi.Core.Configuration;

namespace Mrfi.Core.Components;

/// <summary>Builds components written inline in the config (a <c>code</c> key instead of <c>method</c>); Mrfi.Scripting
/// implements it with Roslyn, so the engine itself stays free of a compiler.</summary>
public interface IInlineComponents
{
    /// <summary>Builds the component the table's code describes, or throws an <see cref="MrfiException"/> with every compile
    /// error mapped to the config's lines.</summary>
    object Create(ComponentKind kind, ConfigTable table);
}
