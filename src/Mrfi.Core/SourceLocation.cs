namespace Mrfi.Core;

/// <summary>A place in a config file, 1-based, printed as <c>file(line,col)</c>.</summary>
/// <param name="File">The file path as given by the user.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
