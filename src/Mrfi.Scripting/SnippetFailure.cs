using System.Diagnostics;
using Mrfi.Core;

namespace Mrfi.Scripting;

/// <summary>Turns an exception thrown inside a snippet into a user error at the snippet's line (found through the #line
/// mapping in the embedded debug information).</summary>
internal static class SnippetFailure
{
    public static MrfiException From(Exception e, SourceLocation snippet, string kind)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => string.Equals(f.GetFileName(), snippet.File, StringComparison.Ordinal) && f.GetFileLineNumber() > 0);
        var at = frame is null ? snippet : new SourceLocation(snippet.File, frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()));
        return MrfiException.At(at, $"inline {kind} threw {e.GetType().Name}: {e.Message}");
    }
}
