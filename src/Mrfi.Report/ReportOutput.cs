namespace Mrfi.Report;

/// <summary>What <see cref="ReportBuilder.Build"/> wrote and the plain-text summary to print.</summary>
/// <param name="Folder">The folder the report went into.</param>
/// <param name="Html">Path of report.html, or null when it was not asked for.</param>
/// <param name="Figures">Paths of the PNG figures.</param>
/// <param name="Summary">The console summary, one line per entry.</param>
public sealed record ReportOutput(string Folder, string? Html, IReadOnlyList<string> Figures, IReadOnlyList<string> Summary);
