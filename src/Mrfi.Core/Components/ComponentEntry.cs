namespace Mrfi.Core.Components;

/// <summary>One registered component.</summary>
/// <param name="Kind">Its extension point.</param>
/// <param name="Name">Its config name.</param>
/// <param name="Names">The name and its aliases.</param>
/// <param name="Type">The implementing type.</param>
/// <param name="Origin">"builtin", or the plugin that provides it.</param>
public sealed record ComponentEntry(ComponentKind Kind, string Name, IReadOnlyList<string> Names, Type Type, string Origin);
