namespace Mrfi.Report;

/// <summary>A figure type the report did not draw, and why: printed in the console summary and the HTML.</summary>
internal sealed record SkippedFigure(FigureKind Kind, string Reason);
