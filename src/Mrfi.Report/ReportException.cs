using Mrfi.Core;

namespace Mrfi.Report;

/// <summary>A problem with the input of a report (missing folder, no results, unreadable file): shown as one message, never a stack
/// trace.</summary>
/// <remarks>Mrfi.Report must not load TorchSharp, so it does not reference Mrfi.Core and cannot throw its MrfiException; its
/// messages are laid out by the same linked <see cref="DiagnosticText"/> as Core's diagnostics, so they read alike.</remarks>
public sealed class ReportException : Exception
{
    /// <summary>Creates the exception for one problem; it prints as <c>error: message</c>.</summary>
    public ReportException(string message) : base(DiagnosticText.Line(null, "error", message)) => Problem = message;

    /// <summary>As <see cref="ReportException(string)"/>, with the cause.</summary>
    public ReportException(string message, Exception inner) : base(DiagnosticText.Line(null, "error", message), inner) => Problem = message;

    /// <summary>Creates the exception without a message (for serializers).</summary>
    public ReportException() { }

    /// <summary>What is wrong, without the <c>error: </c> in front.</summary>
    public string Problem { get; } = "";
}
