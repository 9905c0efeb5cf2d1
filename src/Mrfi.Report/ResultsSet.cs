using System.Text.Json;
using Mrfi.Results.Schema;

namespace Mrfi.Report;

/// <summary>One results folder as the report sees it: its trials and observer rows (merged tables, or the part files of
/// an unmerged or sharded run), its sweep variables and its manifest.</summary>
internal sealed class ResultsSet
{
    /// <summary>campaign.json's trial count key (a JSON name, not this class's property).</summary>
    private const string TrialsKey = "Trials";

    /// <summary>The columns the report reads; the others may be missing in folders written by older versions.</summary>
    private static readonly string[] Required =
    [
        TrialColumns.Trial, TrialColumns.Point, TrialColumns.Accuracy, TrialColumns.GoldenAccuracy, TrialColumns.Correct,
        TrialColumns.Total,
        TrialColumns.Faults, TrialColumns.Sdc, TrialColumns.CriticalSdc, TrialColumns.Due, TrialColumns.Masked,
    ];

    private ResultsSet(string folder, Table trials, Table? observers, JsonElement? manifest, int? campaignTrials, bool merged,
        int partFiles)
    {
        Folder = folder;
        Trials = trials;
        Observers = observers;
        Manifest = manifest;
        CampaignTrials = campaignTrials;
        Merged = merged;
        PartFiles = partFiles;
        // Every trials column that the schema does not list is a sweep variable (or a script's tag).
        SweepNames = [.. trials.Names.Where(n => TrialColumns.Table.Find(n) is null)];
        SweepKinds = ReadSweepKinds(manifest);
        // Files written before [model] output existed hold classifier trials.
        Classifies = !trials.Has(TrialColumns.Output)
            || Enumerable.Range(0, trials.Rows).Any(r => trials.String(TrialColumns.Output, r) != "tensor");
    }

    /// <summary>The names of the model's outputs when it has several (output_rmse has one RMSE per output, in this order):
    /// manifest.json's <c>outputs</c>, else "output 0", "output 1", …; empty for a model with one output.</summary>
    public IReadOnlyList<string> Outputs
    {
        get
        {
            int count = Trials.Has("output_rmse")
                ? Enumerable.Range(0, Trials.Rows).Select(r => Trials.Doubles("output_rmse", r).Count).DefaultIfEmpty(0).Max() : 0;
            if (count < 2) return [];
            var named = Manifest is { } m && m.TryGetProperty("outputs", out var o) && o.ValueKind == JsonValueKind.Array
                ? o.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
            return [.. Enumerable.Range(0, count).Select(i => i < named.Count && named[i].Length > 0 ? named[i] : $"output {i}")];
        }
    }

    /// <summary>False when every trial compared its outputs as a tensor (<c>output = "tensor"</c>): no accuracy, no critical
    /// SDCs.</summary>
    public bool Classifies { get; }

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

    /// <summary>Each sweep variable's <see cref="SweepKind"/> as the manifest records it; empty for folders written before
    /// manifests recorded kinds, and without the variables a manifest does not name (a script's tags).</summary>
    public IReadOnlyDictionary<string, string> SweepKinds { get; }

    /// <summary>Reads <paramref name="folder"/>: trials.parquet and observers.parquet when merged, else the trials/ dataset
    /// (every shard's parts and compacted files) and the observers/ files of the same names.</summary>
    public static ResultsSet Load(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ReportException("RESULTS must name a results folder");
        if (File.Exists(folder)) throw new ReportException($"{folder} is a file; give the results folder that holds trials.parquet");
        if (!Directory.Exists(folder)) throw new ReportException($"{folder} does not exist");
        string merged = Path.Combine(folder, TrialColumns.Table.File);
        bool isMerged = File.Exists(merged);
        IReadOnlyList<string> trialFiles = isMerged ? [merged] : ResultsLayout.Files(folder, TrialColumns.Table.Name);
        if (trialFiles.Count == 0)
            throw new ReportException($"{folder} holds no results (neither trials.parquet nor a trials/ dataset); give the folder that " +
                $"`dotnet mrfi run` wrote");
        var trials = Table.Read(trialFiles);
        var missing = Required.Where(c => !trials.Has(c)).ToList();
        if (missing.Count > 0)
            throw new ReportException($"{trialFiles[0]} lacks the column(s) {string.Join(", ", missing)}; it is not an mrfi trials table");
        var duplicates = Enumerable.Range(0, trials.Rows).GroupBy(r => trials.Long(TrialColumns.Trial, r)).Where(g => g.Count() > 1)
            .Select(g => g.Key).Take(10).ToList();
        if (duplicates.Count > 0)
            throw new ReportException($"{folder}: trial(s) {string.Join(", ", duplicates)} appear in more than one part file (the same " +
                $"shard run twice?)");
        var observerFiles = isMerged
            ? [.. new[] { Path.Combine(folder, ObserverColumns.Table.File) }.Where(File.Exists)]
            : trialFiles.Select(p => ResultsLayout.Sibling(p, ObserverColumns.Table.Name)).Where(File.Exists).ToList();
        var observers = observerFiles.Count == 0 ? null : Table.Read(observerFiles);
        return new ResultsSet(folder, trials, observers is { Rows: > 0 } ? observers : null, ReadManifest(folder),
            ReadCampaignTrials(folder), isMerged, isMerged ? 0 : trialFiles.Count);
    }

    private static JsonElement? ReadManifest(string folder)
    {
        var manifests = ResultsLayout.Manifests(folder);
        if (manifests.Count == 0) return null;
        string path = manifests[0];
        var root = ParseJson(path);
        return root.ValueKind == JsonValueKind.Object ? root : throw new ReportException($"{path} is not a JSON object");
    }

    /// <summary>The manifest's <c>sweep_kinds</c> (name → kind); entries that are not text are left out, and the report
    /// then classifies those variables by name as for an older folder.</summary>
    private static Dictionary<string, string> ReadSweepKinds(JsonElement? manifest) =>
        manifest is { } m && m.TryGetProperty(ManifestKeys.SweepKinds, out var kinds) && kinds.ValueKind == JsonValueKind.Object
            ? kinds.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];

    private static int? ReadCampaignTrials(string folder)
    {
        string path = Path.Combine(folder, ResultsLayout.CampaignFile);
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
