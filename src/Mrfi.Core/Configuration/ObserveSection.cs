namespace Mrfi.Core.Configuration;

/// <summary>One [[observe]] entry.</summary>
/// <param name="Table">The entry; <c>method</c> names the observer, other non-reserved keys bind to its constructor.</param>
/// <param name="Modules">Which modules it watches.</param>
/// <param name="Position">pre (module input) or after (module output).</param>
public sealed record ObserveSection(ConfigTable Table, ModuleFilter Modules, ObservePosition Position);
