using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;
using Mrfi.Results.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>Writes a campaign's results into one folder. Each finished trial is written at once as a part file in the table's
/// dataset folder (<c>trials/part-….parquet</c>, <c>observers/part-….parquet</c>; see <see cref="ResultsLayout"/>), so a killed
/// run keeps every finished trial and can be resumed; at the end the parts are merged into <c>trials.parquet</c>,
/// <c>observers.parquet</c> and <c>points.parquet</c>, plus <c>manifest.json</c>. A shard compacts its parts into
/// <c>shard-K-of-N.parquet</c> in each dataset folder and picks up its own finished trials when it is started again
/// (a requeued cluster task); `dotnet mrfi merge` joins the shards.</summary>
public sealed class ParquetResultSink : ICampaignSink
{
    private readonly List<TrialRecord> _trials = [];
    private readonly List<ObserverRecord> _observers = [];
    private readonly List<FaultRecord> _faults = [];
    private readonly IReadOnlyList<string> _sweepNames;
    private readonly Shard? _shard;
    private readonly HashSet<long> _elsewhere = [];
    private readonly List<string> _adopted = [];
    private int _nextPart;

    /// <summary>Writes into a new or empty <paramref name="folder"/> (no resume, no shards).</summary>
    public ParquetResultSink(string folder, IReadOnlyList<string> sweepNames) : this(folder, sweepNames, null, null, resume: false) { }

    /// <summary>Opens <paramref name="folder"/> for a campaign: new, resumed (finished trials are loaded and skipped), or one shard
    /// of a folder shared by several shards.</summary>
    public ParquetResultSink(string folder, IReadOnlyList<string> sweepNames, CampaignIdentity? identity, Shard? shard, bool resume)
    {
        Folder = folder;
        _sweepNames = sweepNames;
        _shard = shard;
        Directory.CreateDirectory(folder);
        // Temporary files left by a killed write; a shard removes only its own, since other shards write beside it.
        ResultsLayout.DeleteTemporaryFiles(folder, shard?.Tag);
        var existing = CampaignIdentity.Read(folder);
        bool merged = File.Exists(TrialsPath);
        if (existing is not null && identity is not null && !existing.SameCampaign(identity))
            throw CampaignIdentity.Another(folder, existing, identity);
        if (resume && existing is null)
            throw new MrfiException($"{folder} has no campaign.json: there is nothing to resume there");
        if (!resume && shard is null && (merged || ResultsLayout.Files(folder, TrialColumns.Table.Name).Count > 0))
            throw new MrfiException($"{folder} already holds results; use --resume {folder} to continue that campaign, or another --out");
        if (merged && (resume || shard is not null))
            throw new MrfiException($"{folder} holds a finished campaign (trials.parquet); nothing to {(resume ? "resume" : "add")} there");
        if (existing is null) identity?.Write(folder);   // shards starting together each find it missing; the write is atomic
        // A shard started again (a requeued or resubmitted cluster task) continues from its own finished trials.
        if (resume || shard is not null) LoadFiles();
        _nextPart = OwnFiles(TrialColumns.Table.Name).Where(ResultsLayout.IsPart).Select(PartNumber).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>The results folder.</summary>
    public string Folder { get; }

    /// <summary>Trials already finished in the folder (loaded by a resume), whichever run or shard wrote them.</summary>
    public IReadOnlySet<long> Finished => _trials.Select(t => t.Trial).Concat(_elsewhere).ToHashSet();

    /// <summary>Each trial already on disk, for sequential mode on resume.</summary>
    public IReadOnlyDictionary<long, TrialRecord> FinishedTrials => _trials.ToDictionary(t => t.Trial);

    /// <summary>Every finished trial of this folder (resumed ones included), for the [gate] check.</summary>
    public IReadOnlyList<TrialRecord> Trials => _trials;

    /// <summary>Path of the trials table.</summary>
    public string TrialsPath => Path.Combine(Folder, TrialColumns.Table.File);

    /// <summary>Path of the observers table.</summary>
    public string ObserversPath => Path.Combine(Folder, ObserverColumns.Table.File);

    /// <summary>Path of the per-sweep-point summary.</summary>
    public string PointsPath => Path.Combine(Folder, PointColumns.Table.File);

    /// <summary>Path of the manifest.</summary>
    public string ManifestPath => Path.Combine(Folder, ResultsLayout.ManifestName(_shard?.Tag));

    /// <inheritdoc />
    public void AddTrial(TrialRecord trial, IReadOnlyList<ObserverRecord> observers, IReadOnlyList<FaultRecord> faults)
    {
        _trials.Add(trial);
        _observers.AddRange(observers);
        _faults.AddRange(faults);
        string name = ResultsLayout.PartName(_shard?.Tag, _nextPart++);
        // Observers first: a trials part is the mark that the trial finished, so it must come last.
        Tables.Observers().WriteAsync(DatasetPath(ObserverColumns.Table.Name, name), observers).GetAwaiter().GetResult();
        if (faults.Count > 0) Tables.Faults().WriteAsync(DatasetPath(FaultColumns.Table.Name, name), faults).GetAwaiter().GetResult();
        Tables.Trials(_sweepNames, [trial]).WriteAsync(DatasetPath(TrialColumns.Table.Name, name), [trial]).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void Complete(CampaignSummary summary) => CompleteAsync(summary).GetAwaiter().GetResult();

    private async Task CompleteAsync(CampaignSummary summary)
    {
        if (!summary.Interrupted)
        {
            // An unsharded resume merges the shards' files it adopted too; they are in the merged tables now.
            var parts = ResultsLayout.Tables.SelectMany(t => OwnFiles(t).Where(ResultsLayout.IsPart)
                .Concat(_adopted.Select(f => ResultsLayout.Sibling(f, t)).Where(File.Exists))).ToList();
            if (_shard is null) await WriteMergedAsync(Folder, _sweepNames, _trials, _observers, _faults).ConfigureAwait(false);
            else await CompactShardAsync().ConfigureAwait(false);
            foreach (var part in parts) File.Delete(part);
            if (_shard is null) RemoveEmptyDatasets(Folder);
        }
        await AtomicFile.WriteAsync(ManifestPath, stream => JsonSerializer.SerializeAsync(stream, Manifest(summary), ManifestJson.Options))
            .ConfigureAwait(false);
    }

    /// <summary>One file per table for a finished shard instead of one per trial; trials last, as for parts.</summary>
    private async Task CompactShardAsync()
    {
        string name = ResultsLayout.ShardName(_shard!.Tag);
        var trials = _trials.OrderBy(t => t.Trial).ToList();
        await Tables.Observers().WriteAsync(DatasetPath(ObserverColumns.Table.Name, name), [.. _observers.OrderBy(o => o.Trial)])
            .ConfigureAwait(false);
        if (_faults.Count > 0)
            await Tables.Faults().WriteAsync(DatasetPath(FaultColumns.Table.Name, name), [.. _faults.OrderBy(f => f.Trial)])
                .ConfigureAwait(false);
        await Tables.Trials(_sweepNames, trials).WriteAsync(DatasetPath(TrialColumns.Table.Name, name), trials).ConfigureAwait(false);
    }

    /// <summary>Writes results that are already complete (a script's runs) in one go: the merged tables and the manifest,
    /// without part files; <paramref name="folder"/> is checked as for a new campaign.</summary>
    public static void WriteAll(string folder, IReadOnlyList<string> sweepNames, IReadOnlyList<TrialRecord> trials,
        IReadOnlyList<ObserverRecord> observers, CampaignSummary summary)
    {
        var sink = new ParquetResultSink(folder, sweepNames);
        WriteMergedAsync(folder, sweepNames, trials, observers, []).GetAwaiter().GetResult();
        AtomicFile.WriteAsync(sink.ManifestPath, stream => JsonSerializer.SerializeAsync(stream, Manifest(summary), ManifestJson.Options))
            .GetAwaiter().GetResult();
    }

    /// <summary>Writes trials.parquet, observers.parquet and points.parquet in trial order.</summary>
    internal static async Task WriteMergedAsync(string folder, IReadOnlyList<string> sweepNames, IEnumerable<TrialRecord> trials,
        IEnumerable<ObserverRecord> observers, IReadOnlyList<FaultRecord> faults)
    {
        if (faults.Count > 0)
            await Tables.Faults().WriteAsync(Path.Combine(folder, FaultColumns.Table.File), [.. faults.OrderBy(f => f.Trial)])
                .ConfigureAwait(false);
        var ordered = trials.OrderBy(t => t.Trial).ToList();
        await Tables.Trials(sweepNames, ordered).WriteAsync(Path.Combine(folder, TrialColumns.Table.File), ordered).ConfigureAwait(false);
        await Tables.Observers().WriteAsync(Path.Combine(folder, ObserverColumns.Table.File), [.. observers.OrderBy(o => o.Trial)])
            .ConfigureAwait(false);
        await PointSummary.WriteAsync(Path.Combine(folder, PointColumns.Table.File), sweepNames, ordered).ConfigureAwait(false);
    }

    /// <summary>This run's files of a table's dataset: its parts (an unsharded run's, or this shard's) and this shard's compacted
    /// file.</summary>
    internal IEnumerable<string> OwnFiles(string table) =>
        ResultsLayout.Files(Folder, table).Where(f => ResultsLayout.IsOwn(f, _shard?.Tag));

    /// <summary>Deletes the dataset folders an unsharded run leaves empty once its parts are merged.</summary>
    internal static void RemoveEmptyDatasets(string folder)
    {
        foreach (var dataset in ResultsLayout.Tables.Select(t => ResultsLayout.Dataset(folder, t)))
            if (Directory.Exists(dataset) && !Directory.EnumerateFileSystemEntries(dataset).Any()) Directory.Delete(dataset);
    }

    private string DatasetPath(string table, string name)
    {
        string dataset = ResultsLayout.Dataset(Folder, table);
        Directory.CreateDirectory(dataset);
        return Path.Combine(dataset, name);
    }

    private static int PartNumber(string path) =>
        int.Parse(Path.GetFileNameWithoutExtension(path)[^6..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Loads the finished trials of the folder; first deletes the parts a compacted shard file supersedes (what a
    /// shard killed while compacting leaves behind), which every reader skips anyway. An unsharded run (a resume) takes every
    /// trial it finds, whichever shard wrote it, and merges them at the end; a shard keeps its own files and only skips the
    /// trials another shard's files hold (another shard count), so that no trial runs twice. A trial found twice counts once.</summary>
    private void LoadFiles()
    {
        ResultsLayout.DeleteSupersededParts(Folder);
        var seen = new HashSet<long>();
        foreach (var file in ResultsLayout.Files(Folder, TrialColumns.Table.Name))
        {
            bool own = ResultsLayout.IsOwn(file, _shard?.Tag);
            if (!own && _shard is not null)
            {
                _elsewhere.UnionWith(RecordReader.TrialIdsAsync(file).GetAwaiter().GetResult().Where(_shard.Includes));
                continue;
            }
            string observers = ResultsLayout.Sibling(file, ObserverColumns.Table.Name);
            if (!File.Exists(observers))
                throw new MrfiException($"{observers} is missing beside {file}; delete {file} to run its trial(s) again");
            var trials = RecordReader.TrialsAsync(file, _sweepNames).GetAwaiter().GetResult().Where(t => seen.Add(t.Trial)).ToList();
            var kept = trials.Select(t => t.Trial).ToHashSet();
            _trials.AddRange(trials);
            _observers.AddRange(RecordReader.ObserversAsync(observers).GetAwaiter().GetResult().Where(o => kept.Contains(o.Trial)));
            string faults = ResultsLayout.Sibling(file, FaultColumns.Table.Name);
            if (File.Exists(faults))
                _faults.AddRange(RecordReader.FaultsAsync(faults).GetAwaiter().GetResult().Where(f => kept.Contains(f.Trial)));
            if (!own) _adopted.Add(file);
        }
        _elsewhere.ExceptWith(seen);
    }

    private static Dictionary<string, object?> Manifest(CampaignSummary s) => new()
    {
        [ManifestKeys.Tool] = "mrfi",
        [ManifestKeys.ToolVersion] = typeof(ParquetResultSink).Assembly.GetName().Version?.ToString(3),
        [ManifestKeys.TorchVersion] = TorchSharp.torch.__version__,
        [ManifestKeys.ConfigPath] = Path.GetFullPath(s.ConfigPath),
        [ManifestKeys.ConfigSha256] = Sha256(Encoding.UTF8.GetBytes(s.ConfigText)),
        [ManifestKeys.ConfigText] = s.ConfigText,
        [ManifestKeys.Seed] = s.Seed,
        [ManifestKeys.Model] = s.ModelName,
        [ManifestKeys.WeightsPath] = s.WeightsPath,
        [ManifestKeys.WeightsSha256] = s.WeightsPath is null ? null : Sha256(File.ReadAllBytes(s.WeightsPath)),
        [ManifestKeys.Data] = s.DataFiles.Select(f =>
            new Dictionary<string, string> { ["path"] = f, ["sha256"] = Sha256(File.ReadAllBytes(f)) }).ToList(),
        [ManifestKeys.SamplesPerTrial] = s.Samples,
        // Which class each label means, and where that order comes from: a model trained with another order scores wrongly.
        [ManifestKeys.ClassLabels] = s.ClassNames?.Select((name, label) => (name, label)).ToDictionary(c => c.name, c => c.label),
        [ManifestKeys.ClassOrder] = s.ClassOrder,
        // trials.parquet's output_rmse lists one RMSE per output in this order.
        [ManifestKeys.Outputs] = s.OutputNames,
        [ManifestKeys.Sweep] = s.SweepNames,
        // What each variable varies, so that the report need not guess from its name.
        [ManifestKeys.SweepKinds] = s.SweepKinds,
        [ManifestKeys.Status] = s.Interrupted ? "interrupted" : "complete",
        [ManifestKeys.Trials] = s.Trials,
        [ManifestKeys.FloatAccuracy] = ManifestJson.Number(s.FloatAccuracy),
        [ManifestKeys.Device] = s.Device,
        [ManifestKeys.Threads] = s.Threads,
        [ManifestKeys.Machine] = Environment.MachineName,
        [ManifestKeys.StartedAt] = s.StartedAt.ToUniversalTime().ToString("O"),
        [ManifestKeys.FinishedAt] = s.FinishedAt.ToUniversalTime().ToString("O"),
        [ManifestKeys.TrialsPerSecond] = s.Trials / Math.Max(1e-9, (s.FinishedAt - s.StartedAt).TotalSeconds),
        [ManifestKeys.GoldenSecondsPerPass] = s.GoldenSecondsPerPass,
        [ManifestKeys.SecondsPerTrial] = s.SecondsPerTrial,
        [ManifestKeys.OverheadOverGolden] = s.OverheadOverGolden,
        [ManifestKeys.EarlyExitBatches] = s.EarlyExitBatches,
        [ManifestKeys.Files] = new[] { TrialColumns.Table.File, ObserverColumns.Table.File, PointColumns.Table.File },
    };

    /// <summary>SHA-256 of text, lower-case hex.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
