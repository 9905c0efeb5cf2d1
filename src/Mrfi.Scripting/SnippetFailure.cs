using System.Diagnostics;
using Mrfi.Core;

namespace Mrfi.Scripting;

/// <summary>Turns an exception thrown inside a snippet into a user error at the snippet's line (found through the #line
/// mapping in the embedded debug information).</summary>
internal static class SnippetFailure
{
    public static MrfiException From(Exception e, SourceLocation snippet, string kind)
    {
        var at = Locate(e, snippet.File) is var (line, column) ? new SourceLocation(snippet.File, line, column) : snippet;
        return MrfiException.At(at, $"inline {kind} threw {e.GetType().Name}: {e.Message}");
    }

    /// <summary>Line and column of the innermost frame of <paramref name="e"/> in <paramref name="file"/>, or null.</summary>
    public static (int Line, int Column)? Locate(Exception e, string file)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => string.Equals(f.GetFileName(), file, StringComparison.Ordinal) && f.GetFileLineNumber() > 0);
        return frame is null ? null : (frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()));
    }
}
