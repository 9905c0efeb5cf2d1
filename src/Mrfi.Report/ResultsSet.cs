using System.Text.Json;
using Mrfi.Core.Campaigns;
using Mrfi.Results.Parquet;

namespace Mrfi.Report;

/// <summary>One results folder as the report sees it: its trials and observer rows (merged tables, or the part files of
/// an unmerged or sharded run), its sweep variables and its manifest.</summary>
internal sealed class ResultsSet
{
    /// <summary>campaign.json's trial count key (a JSON name, not this class's property).</summary>
    private const string TrialsKey = "Trials";

    /// <summary>trials.parquet columns that are not sweep variables (docs/results.md); every other column is one.</summary>
    private static readonly HashSet<string> TrialColumns = [.. ResultColumns.Trials];

    private static readonly string[] Required = ["trial", "point", "accuracy", "golden_accuracy", "correct", "total", "faults", "sdc", "critical_sdc", "due", "masked"];

    private ResultsSet(string folder, Table trials, Table? observers, JsonElement? manifest, int? campaignTrials, bool merged, int partFiles)
    {
        Folder = folder;
        Trials = trials;
        Observers = observers;
        Manifest = manifest;
        CampaignTrials = campaignTrials;
        Merged = merged;
        PartFiles = partFiles;
        SweepNames = [.. trials.Names.Where(n => !TrialColumns.Contains(n))];
    }

    public string Folder { get; }

    public Table Trials { get; }

    /// <summary>Observer rows; null when the folder has none.</summary>
    public Table? Observers { get; }

    /// <summary>manifest.json (or a shard's manifest-K-of-N.json); null when there is none.</summary>
    public JsonElement? Manifest { get; }

    /// <summary>Trials of the whole campaign per campaign.json, when the folder has one.</summary>
    public int? CampaignTrials { get; }

    /// <summary>True when read from trials.parquet, false when from the trials/ dataset.</summary>
    public bool Merged { get; }

    public int PartFiles { get; }

    /// <summary>Sweep variables: the trials columns that docs/results.md does not list, in file order.</summary>
    public IReadOnlyList<string> SweepNames { get; }

    /// <summary>Reads <paramref name="folder"/>: trials.parquet and observers.parquet when merged, else the trials/ dataset
    /// (every shard's parts and compacted files) and the observers/ files of the same names.</summary>
    public static ResultsSet Load(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ReportException("RESULTS must name a results folder");
        if (File.Exists(folder)) throw new ReportException($"{folder} is a file; give the results folder that holds trials.parquet");
        if (!Directory.Exists(folder)) throw new ReportException($"{folder} does not exist");
        string merged = Path.Combine(folder, "trials.parquet");
        bool isMerged = File.Exists(merged);
        IReadOnlyList<string> trialFiles = isMerged ? [merged] : ResultsLayout.Files(folder, "trials");
        if (trialFiles.Count == 0)
            throw new ReportException($"{folder} holds no results (neither trials.parquet nor a trials/ dataset); give the folder that `dotnet mrfi run` wrote");
        var trials = Table.Read(trialFiles);
        var missing = Required.Where(c => !trials.Has(c)).ToList();
        if (missing.Count > 0)
            throw new ReportException($"{trialFiles[0]} lacks the column(s) {string.Join(", ", missing)}; it is not an mrfi trials table");
        var duplicates = Enumerable.Range(0, trials.Rows).GroupBy(r => trials.Long("trial", r)).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        if (duplicates.Count > 0)
            throw new ReportException($"{folder}: trial(s) {string.Join(", ", duplicates)} appear in more than one part file (the same shard run twice?)");
        var observerFiles = isMerged
            ? [.. new[] { Path.Combine(folder, "observers.parquet") }.Where(File.Exists)]
            : trialFiles.Select(p => ResultsLayout.Sibling(p, "observers")).Where(File.Exists).ToList();
        var observers = observerFiles.Count == 0 ? null : Table.Read(observerFiles);
        return new ResultsSet(folder, trials, observers is { Rows: > 0 } ? observers : null, ReadManifest(folder), ReadCampaignTrials(folder), isMerged, isMerged ? 0 : trialFiles.Count);
    }

    private static JsonElement? ReadManifest(string folder)
    {
        string? path = new[] { Path.Combine(folder, "manifest.json") }.Where(File.Exists)
            .Concat(Directory.GetFiles(folder, "manifest-*.json").Order(StringComparer.Ordinal)).FirstOrDefault();
        if (path is null) return null;
        var root = ParseJson(path);
        return root.ValueKind == JsonValueKind.Object ? root : throw new ReportException($"{path} is not a JSON object");
    }

    private static int? ReadCampaignTrials(string folder)
    {
        string path = Path.Combine(folder, "campaign.json");
        if (!File.Exists(path)) return null;
        var root = ParseJson(path);
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(TrialsKey, out var t) && t.TryGetInt32(out int n) ? n : null;
    }

    /// <summary>The file's JSON root (a copy that outlives the document), or one error naming the file.</summary>
    private static JsonElement ParseJson(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ReportException($"{path} is not valid JSON ({e.Message})", e);
        }
    }
}
