namespace Mrfi.Core;

/// <summary>The one place that lays out a problem for the user, as compilers do: <c>file(line,col): error: message</c>.</summary>
/// <remarks>Depends on nothing but the BCL, so that Mrfi.Report (which must not load TorchSharp, hence not reference Core)
/// compiles it in as a linked source and words its errors the same way.</remarks>
internal static class DiagnosticText
{
    /// <summary><c>location: head: message</c>, or <c>head: message</c> without a location; head is the severity, perhaps
    /// followed by a code (<c>error CS0103</c>).</summary>
    public static string Line(string? location, string head, string message) =>
        string.IsNullOrEmpty(location) ? $"{head}: {message}" : $"{location}: {head}: {message}";
}
