namespace Mrfi.Core;

/// <summary>One problem for the user: what is wrong and, where known, the place in a config or script that says it.</summary>
/// <param name="Message">What is wrong, with a suggestion where there is one; no severity or location in front.</param>
/// <param name="Location">The config or script position it is about; null when no file line is to blame.</param>
public sealed record Diagnostic(string Message, SourceLocation? Location = null)
{
    /// <summary>Error (the default) or warning.</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>The config key the message is about, printed before it (<c>[data] images: …</c>); null for none.</summary>
    public string? Key { get; init; }

    /// <summary>An identifier printed after the severity, as compilers print theirs (<c>error CS0103: …</c>); null for none.</summary>
    public string? Code { get; init; }

    /// <summary>The line the user sees: <c>file(line,col): error: message</c>, or <c>error: message</c> without a location.</summary>
    public override string ToString()
    {
        string head = Severity.ToString().ToLowerInvariant();
        return DiagnosticText.Line(Location?.ToString(), Code is null ? head : $"{head} {Code}",
            Key is null ? Message : $"{Key}: {Message}");
    }

    /// <summary>Several problems, one line each, followed by their count when there is more than one.</summary>
    public static string Join(IReadOnlyList<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics)
        + (diagnostics.Count > 1 ? $"{Environment.NewLine}{diagnostics.Count} problems found." : "");
}
