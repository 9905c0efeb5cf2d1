namespace Mrfi.Core.Configuration;

/// <summary>Which modules an entry applies to: the union of name, type, full-name and index matches, minus <c>exclude</c>.</summary>
/// <param name="Names">Substrings of the qualified name (MRFI), or globs over the whole name when they contain * or ?.</param>
/// <param name="Types">Module type names (Conv2d, Linear, ...): exact, or substrings with <paramref name="TypeSubstring"/>.</param>
/// <param name="FullNames">Exact qualified names; "" is the whole model.</param>
/// <param name="Indexes">Positions in the model's module list (as `dotnet mrfi inspect` numbers them).</param>
/// <param name="Exclude">Names or globs removed from the match.</param>
/// <param name="TypeSubstring">Match types by substring, as MRFI does (Conv matches Conv1d and Conv2d).</param>
/// <param name="Location">Where the entry was written.</param>
public sealed record ModuleFilter(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> FullNames,
    IReadOnlyList<int> Indexes,
    IReadOnlyList<string> Exclude,
    bool TypeSubstring,
    SourceLocation Location)
{
    /// <summary>A filter for exactly one module (detail tree layers), optionally checking its type.</summary>
    public static ModuleFilter Exactly(string fullName, string? expectedType, SourceLocation location) =>
        new([], [], [fullName], [], [], false, location) { ExpectedType = expectedType };

    /// <summary>The type a detail-tree layer declares; a different actual type is an error.</summary>
    public string? ExpectedType { get; init; }

    /// <summary>Whether no criterion was given.</summary>
    public bool IsEmpty => Names.Count == 0 && Types.Count == 0 && FullNames.Count == 0 && Indexes.Count == 0;
}
