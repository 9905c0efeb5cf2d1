using System.Globalization;
using System.Net;
using System.Text;
using Mrfi.Results.Schema;

namespace Mrfi.Report;

/// <summary>report.html: one self-contained page (inline CSS, PNGs by relative link in the same folder) with the figures,
/// the key numbers per point, what was not drawn and why, the run's machine and tool, and the config text.</summary>
internal static class HtmlReport
{
    private static readonly string[] RunKeys =
    [
        ManifestKeys.ToolVersion, ManifestKeys.TorchVersion, ManifestKeys.Status, ManifestKeys.Model, ManifestKeys.Seed,
        ManifestKeys.SamplesPerTrial,
        ManifestKeys.Trials, ManifestKeys.FloatAccuracy, ManifestKeys.Device, ManifestKeys.Threads, ManifestKeys.Machine,
        ManifestKeys.StartedAt,
        ManifestKeys.FinishedAt, ManifestKeys.TrialsPerSecond, ManifestKeys.SecondsPerTrial, ManifestKeys.GoldenSecondsPerPass,
        ManifestKeys.OverheadOverGolden, ManifestKeys.ConfigPath, ManifestKeys.ConfigSha256, ManifestKeys.WeightsPath,
        ManifestKeys.WeightsSha256,
    ];

    public static string Write(string path, ResultsSet results, IReadOnlyList<PointRow> points, IReadOnlyList<Variable> variables,
        IReadOnlyList<FigureSpec> figures,
        IReadOnlyList<SkippedFigure> skipped)
    {
        var h = new StringBuilder();
        string title = $"mrfi report — {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(results.Folder)))}";
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.AppendLine(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        h.AppendLine("<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222}"
            + "table{border-collapse:collapse;font-size:0.9em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th{background:#eee}td.k{text-align:left}img{max-width:100%;border:1px solid "
            + "#ddd}pre{background:#f6f6f6;padding:1em;overflow:auto}"
            + "figure{margin:1.5em 0}figcaption{color:#555}</style></head><body>");
        h.AppendLine(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>");
        h.AppendLine(CultureInfo.InvariantCulture, $"<p>{E(ConsoleSummary.Headline(results, variables, points))}</p>");
        foreach (var note in ConsoleSummary.Notes(results)) h.AppendLine(CultureInfo.InvariantCulture, $"<p>{E(note)}</p>");

        h.AppendLine("<h2>Key numbers per sweep point</h2>");
        foreach (var line in KeyTable.Legend(points, results.Classifies)) h.AppendLine(CultureInfo.InvariantCulture, $"<p>{E(line)}</p>");
        h.AppendLine("<table id=\"points\"><thead><tr>"
            + string.Concat(KeyTable.Header(results.SweepNames, results.Classifies).Select(c => $"<th>{E(c)}</th>"))
            + "</tr></thead><tbody>");
        foreach (var row in KeyTable.Rows(points, variables, results.Classifies))
            h.AppendLine("<tr>" + string.Concat(row.Select(c => $"<td>{E(c)}</td>")) + "</tr>");
        h.AppendLine("</tbody></table>");

        h.AppendLine("<h2>Figures</h2>");
        foreach (var f in figures)
        {
            h.AppendLine(CultureInfo.InvariantCulture,
                $"<figure><img src=\"{E(Uri.EscapeDataString(f.File))}\" alt=\"{E(f.Title)}\" width=\"{Figures.PlotStyle.Width}\">");
            h.AppendLine(CultureInfo.InvariantCulture,
                $"<figcaption>{E(f.Title)}{(f.Notes.Count == 0 ? "" : " — " + E(string.Join("; ", f.Notes)))}</figcaption></figure>");
        }
        if (skipped.Count > 0)
        {
            h.AppendLine("<h3>Not drawn</h3><ul>");
            foreach (var s in skipped)
                h.AppendLine(CultureInfo.InvariantCulture, $"<li>{E(ConsoleSummary.Describe(s.Kind))}: {E(s.Reason)}</li>");
            h.AppendLine("</ul>");
        }

        h.AppendLine("<h2>Run</h2><table>");
        foreach (var key in RunKeys)
        {
            if (RunValue(results, key) is { } value)
                h.AppendLine(CultureInfo.InvariantCulture, $"<tr><td class=\"k\">{E(key)}</td><td class=\"k\">{E(value)}</td></tr>");
        }
        h.AppendLine(CultureInfo.InvariantCulture,
            $"<tr><td class=\"k\">report_by</td><td class=\"k\">{E(
                $"mrfi report {typeof(HtmlReport).Assembly.GetName().Version?.ToString(3)} on {Environment.MachineName}, " +
                $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")}</td></tr>");
        h.AppendLine("</table>");
        if (results.Manifest is null) h.AppendLine("<p>The folder has no manifest.json: no run or config details.</p>");
        if (ConsoleSummary.Manifest(results, ManifestKeys.ConfigText) is { Length: > 0 } config)
            h.AppendLine("<h2>Config</h2>").AppendLine(CultureInfo.InvariantCulture, $"<pre>{E(config)}</pre>");
        h.AppendLine("</body></html>");
        File.WriteAllText(path, h.ToString());
        return path;
    }

    /// <summary>A manifest entry as the Run table shows it: numbers to four significant digits, and the time ratio with
    /// what it divides, since "overhead 1.95" reads as 195 % extra when it means 1.95 times the golden time.</summary>
    internal static string? RunValue(ResultsSet results, string key)
    {
        if (results.Manifest is not { } m || !m.TryGetProperty(key, out var v)) return null;
        if (v.ValueKind != System.Text.Json.JsonValueKind.Number) return ConsoleSummary.Manifest(results, key);
        string number = Format.Significant(v.GetDouble());
        if (key != ManifestKeys.OverheadOverGolden) return number;
        string samples = ConsoleSummary.Manifest(results, ManifestKeys.SamplesPerTrial) is { } n ? $"{n} samples" : "the data";
        return $"{number} = seconds_per_trial / golden_seconds_per_pass: a faulty trial took {number} times as long as a golden pass, "
            + $"both one pass over {samples} (1 = no extra cost)";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
