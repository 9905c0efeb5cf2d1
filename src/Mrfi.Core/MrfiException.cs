namespace Mrfi.Core;

/// <summary>A user mistake (bad config, missing file, shape mismatch): reported as clear messages, never a stack trace.</summary>
public sealed class MrfiException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public MrfiException(string message) : base(message) => Problems = [message];

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public MrfiException(string message, Exception inner) : base(message, inner) => Problems = [message];

    private MrfiException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems) + (problems.Count > 1 ? $"{Environment.NewLine}{problems.Count} problems found." : "")) =>
        Problems = problems;

    /// <summary>Every problem, one message each.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Creates an error located in a file, formatted like a compiler diagnostic: <c>file(line,col): error: message</c>.</summary>
    public static MrfiException At(SourceLocation location, string message) => new($"{location}: error: {message}");

    /// <summary>One exception for several problems.</summary>
    public static MrfiException Many(IReadOnlyList<string> problems) => problems.Count == 1 ? new(problems[0]) : new([.. problems]);
}
