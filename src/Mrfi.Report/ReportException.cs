namespace Mrfi.Report;

/// <summary>A problem with the input of a report (missing folder, no results, unreadable file): shown as one message, never a stack trace.</summary>
public sealed class ReportException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public ReportException(string message) : base(message) { }

    /// <summary>Creates the exception with the message the user sees and its cause.</summary>
    public ReportException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception without a message (for serializers).</summary>
    public ReportException() { }
}
