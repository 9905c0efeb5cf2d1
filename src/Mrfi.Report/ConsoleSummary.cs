using System.Text.Json;
using Mrfi.Results.Schema;

namespace Mrfi.Report;

/// <summary>The plain-text summary: what the folder holds, the key numbers per point, the figures drawn and those skipped with
/// why.</summary>
internal static class ConsoleSummary
{
    public static List<string> Lines(ResultsSet results, IReadOnlyList<Variable> variables, IReadOnlyList<PointRow> points,
        IReadOnlyList<FigureSpec> figures, IReadOnlyList<SkippedFigure> skipped)
    {
        var lines = new List<string> { Headline(results, variables, points) };
        lines.AddRange(Notes(results));
        lines.Add("");
        lines.AddRange(KeyTable.Legend(points, results.Classifies));
        var header = KeyTable.Header(results.SweepNames, results.Classifies);
        var rows = KeyTable.Rows(points, variables, results.Classifies);
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToList();
        lines.Add(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        lines.AddRange(rows.Select(r => string.Join("  ", r.Select((c, i) => c.PadLeft(widths[i])))));
        lines.Add("");
        lines.Add($"figures ({figures.Count}):");
        foreach (var f in figures)
            lines.Add($"  {f.File}: {f.Title}{(f.Notes.Count == 0 ? "" : $" ({string.Join("; ", f.Notes)})")}");
        if (skipped.Count > 0)
        {
            lines.Add($"not drawn ({skipped.Count}):");
            foreach (var s in skipped) lines.Add($"  {Describe(s.Kind)}: {s.Reason}");
        }
        return lines;
    }

    public static string Describe(FigureKind kind) => kind switch
    {
        FigureKind.AccuracyCurve => "accuracy curve",
        FigureKind.OutcomeCurve => "SDC/DUE rate curve",
        FigureKind.BitBars => "bit-sensitivity bars",
        FigureKind.LayerBars => "layer-sensitivity bars",
        FigureKind.ChannelBoxes => "channel box plots",
        FigureKind.PixelHeatmap => "pixel heat map",
        FigureKind.ObserverBars => "per-layer observer bars",
        FigureKind.FeatureMaps => "feature maps",
        FigureKind.RmseCurve => "RMSE curve",
        _ => kind.ToString(),
    };

    /// <summary>What the results hold that a reader must know: trials missing, parts not merged.</summary>
    public static IEnumerable<string> Notes(ResultsSet results)
    {
        if (results.CampaignTrials is { } all && all > results.Trials.Rows)
            yield return $"note: {results.Trials.Rows} of the campaign's {all} trials are present (campaign.json); the figures show those";
        if (!results.Classifies)
            yield return "note: the outputs were compared as a tensor with the golden outputs (output = \"tensor\"): an SDC is a finite " +
                "sample whose relative deviation exceeds [model] tolerance; there is no accuracy and no critical SDC";
        if (!results.Merged)
            yield return $"note: read {results.PartFiles} file(s) of the trials/ dataset; the folder is not merged (dotnet mrfi merge)";
    }

    /// <summary>One line: the folder, model, trials, points and sweep variables.</summary>
    public static string Headline(ResultsSet results, IReadOnlyList<Variable> variables, IReadOnlyList<PointRow> points)
    {
        string model = Manifest(results, ManifestKeys.Model) is { Length: > 0 } m ? $"model {m}, " : "";
        // A shard's manifest says whether that shard finished, not the campaign; the notes below say what is there.
        string status = results.Merged && Manifest(results, ManifestKeys.Status) is { Length: > 0 } s ? $" ({s})" : "";
        string sweep = variables.Count == 0 ? "no sweep variables"
            : "sweep " + string.Join(", ", variables.Select(v => $"{v.Name} ({v.Values.Count} value{(v.Values.Count == 1 ? "" : "s")})"));
        return $"{results.Folder}: {model}{results.Trials.Rows} trials{status}, {points.Count} point(s), {sweep}";
    }

    /// <summary>A manifest entry as text, or null.</summary>
    public static string? Manifest(ResultsSet results, string key) =>
        results.Manifest is { } m && m.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Array => string.Join(", ",
                v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
            _ => v.GetRawText(),
        } : null;
}
