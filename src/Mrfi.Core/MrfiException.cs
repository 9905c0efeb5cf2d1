namespace Mrfi.Core;

/// <summary>A user mistake (bad config, missing file, shape mismatch): reported as clear messages, never a stack trace.</summary>
public sealed class MrfiException : Exception
{
    /// <summary>Creates the exception for one error without a location; it prints as <c>error: message</c>.</summary>
    public MrfiException(string message) : this([new Diagnostic(message)]) { }

    /// <summary>As <see cref="MrfiException(string)"/>, with the underlying cause.</summary>
    public MrfiException(string message, Exception inner) : this([new Diagnostic(message)], inner) { }

    /// <summary>Creates the exception for one problem.</summary>
    public MrfiException(Diagnostic diagnostic, Exception? inner = null) : this([diagnostic], inner) { }

    /// <summary>Creates the exception for one or more problems; its message lists each on a line.</summary>
    public MrfiException(IReadOnlyList<Diagnostic> diagnostics, Exception? inner = null) : base(Diagnostic.Join(diagnostics), inner)
    {
        if (diagnostics.Count == 0) throw new ArgumentException("an MrfiException needs at least one diagnostic", nameof(diagnostics));
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Every problem as the line the user sees.</summary>
    public IReadOnlyList<string> Problems => [.. Diagnostics.Select(d => d.ToString())];

    /// <summary>Creates an error located in a file, printed like a compiler diagnostic: <c>file(line,col): error: message</c>.</summary>
    public static MrfiException At(SourceLocation location, string message, Exception? inner = null) =>
        new(new Diagnostic(message, location), inner);

    /// <summary>One exception for several problems.</summary>
    public static MrfiException Many(IReadOnlyList<Diagnostic> problems) => new(problems);
}
