namespace Mrfi.Core;

/// <summary>Where the problems of a reader belong (a config key's line, or nowhere): a file reader is handed one by its
/// caller and words its errors itself, so that they name the key that pointed at the file.</summary>
/// <param name="Location">The config position; null when the reader was called without a config.</param>
/// <param name="Key">The key printed before each message (<c>[data] images</c>); null for none.</param>
public readonly record struct DiagnosticSite(SourceLocation? Location = null, string? Key = null)
{
    /// <summary>An error at this site.</summary>
    public MrfiException Error(string message, Exception? inner = null) => new(new Diagnostic(message, Location) { Key = Key }, inner);
}
