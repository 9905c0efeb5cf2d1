using Mrfi.Report.Figures;

namespace Mrfi.Report;

/// <summary>Reads a results folder and writes the figures chosen from its sweep, report.html and a plain-text summary.</summary>
public static class ReportBuilder
{
    /// <summary>Reads the folder and chooses the figures, without drawing anything.</summary>
    internal static (ResultsSet Results, IReadOnlyList<PointRow> Points, IReadOnlyList<Variable> Variables, ObserverIndex Observers,
        IReadOnlyList<FigureSpec> Figures, IReadOnlyList<SkippedFigure> Skipped) Prepare(string resultsFolder)
    {
        var results = ResultsSet.Load(resultsFolder);
        var points = Points.From(results);
        var variables = results.SweepNames.Select((n, i) =>
            Variable.Of(n, [.. points.Select(p => p.Values[i])], results.SweepKinds.GetValueOrDefault(n))).ToList();
        var observers = new ObserverIndex(results.Observers);
        var (figures, skipped) = FigurePlanner.Plan(variables, observers, Measure.For(results));
        return (results, points, variables, observers, figures, skipped);
    }

    /// <summary>Builds the report of <paramref name="resultsFolder"/> into <paramref name="outFolder"/> (default: its
    /// report/ subfolder); throws <see cref="ReportException"/> on bad input.</summary>
    public static ReportOutput Build(string resultsFolder, string? outFolder = null, bool html = true)
    {
        var (results, points, variables, observers, figures, skipped) = Prepare(resultsFolder);
        string folder = Path.GetFullPath(outFolder ?? Path.Combine(resultsFolder, "report"));
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportException($"cannot create {folder} ({e.Message})", e);
        }
        var written = new List<string>();
        foreach (var f in figures)
        {
            string path = Path.Combine(folder, f.File);
            switch (f.Kind)
            {
                case FigureKind.AccuracyCurve or FigureKind.OutcomeCurve or FigureKind.RmseCurve: CurveFigure.Draw(f, results, points,
                    path); break;
                case FigureKind.BitBars or FigureKind.LayerBars: BarFigure.Draw(f, results, points, path); break;
                case FigureKind.ChannelBoxes: BoxFigure.Draw(f, results, points, observers, path); break;
                case FigureKind.PixelHeatmap: HeatmapFigure.Draw(f, results, points, path); break;
                case FigureKind.ObserverBars: ObserverBarsFigure.Draw(f, results, points, observers, path); break;
                case FigureKind.FeatureMaps: FeatureMapFigure.Draw(f, results, path); break;
                default: throw new InvalidOperationException($"no renderer for {f.Kind}");
            }
            written.Add(path);
        }
        var summary = ConsoleSummary.Lines(results, variables, points, figures, skipped);
        string? page = html ? HtmlReport.Write(Path.Combine(folder, "report.html"), results, points, variables, figures, skipped) : null;
        summary.Add(page is null ? $"figures written to {folder}" : $"report: {page}");
        return new ReportOutput(folder, page, written, summary);
    }
}
