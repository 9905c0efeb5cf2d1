namespace Mrfi.Core.Components;

/// <summary>Where a value came from, for error messages.</summary>
/// <param name="Key">The key path.</param>
/// <param name="Location">The source location.</param>
public readonly record struct ValueOrigin(string Key, SourceLocation Location);
