namespace Mrfi.Scripting;

/// <summary>A snippet the config loads: where it is, what it makes, and what compiling it cost.</summary>
/// <param name="Location">file(line,col) of the code.</param>
/// <param name="Kind">The component kind.</param>
/// <param name="FromCache">Whether the compiled assembly came from the disk cache.</param>
/// <param name="Milliseconds">Time to compile (or load from the cache).</param>
public sealed record CompiledSnippet(string Location, string Kind, bool FromCache, double Milliseconds);
