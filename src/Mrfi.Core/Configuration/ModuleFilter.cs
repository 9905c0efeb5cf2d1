namespace Mrfi.Core.Configuration;

/// <summary>Module matching, as MRFI's module_name / module_type / module_fullname (a module matching any one is chosen).</summary>
/// <param name="Names">Substrings of the qualified name, or globs when they contain * or ?.</param>
/// <param name="Types">Substrings of the module's type name (Conv2d, Linear, ...).</param>
/// <param name="FullNames">Exact qualified names.</param>
/// <param name="Location">Where the entry was written.</param>
public sealed record ModuleFilter(IReadOnlyList<string> Names, IReadOnlyList<string> Types, IReadOnlyList<string> FullNames, SourceLocation Location)
{
    /// <summary>Whether no criterion was given.</summary>
    public bool IsEmpty => Names.Count == 0 && Types.Count == 0 && FullNames.Count == 0;
}
