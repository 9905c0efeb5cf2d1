namespace Mrfi.Core;

/// <summary>A user mistake (bad config, missing file, shape mismatch): reported as one clear message, never a stack trace.</summary>
public sealed class MrfiException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public MrfiException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public MrfiException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates an error located in a file, formatted like a compiler diagnostic: <c>file(line,col): error: message</c>.</summary>
    public static MrfiException At(SourceLocation location, string message) => new($"{location}: error: {message}");
}
