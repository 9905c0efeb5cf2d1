using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mrfi.Core.Campaigns;

namespace Mrfi.Results.Parquet;

/// <summary>Collects a campaign's rows and writes <c>trials.parquet</c>, <c>observers.parquet</c> and <c>manifest.json</c> into one folder.</summary>
public sealed class ParquetResultSink : ICampaignSink
{
    private readonly List<TrialRecord> _trials = [];
    private readonly List<ObserverRecord> _observers = [];
    private readonly IReadOnlyList<string> _sweepNames;

    /// <summary>Writes into <paramref name="folder"/> (created if needed); <paramref name="sweepNames"/> become columns of trials.parquet.</summary>
    public ParquetResultSink(string folder, IReadOnlyList<string> sweepNames)
    {
        Folder = folder;
        _sweepNames = sweepNames;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The results folder.</summary>
    public string Folder { get; }

    /// <summary>Path of the trials table.</summary>
    public string TrialsPath => Path.Combine(Folder, "trials.parquet");

    /// <summary>Path of the observers table.</summary>
    public string ObserversPath => Path.Combine(Folder, "observers.parquet");

    /// <summary>Path of the per-sweep-point summary.</summary>
    public string PointsPath => Path.Combine(Folder, "points.parquet");

    /// <summary>Path of the manifest.</summary>
    public string ManifestPath => Path.Combine(Folder, "manifest.json");

    /// <inheritdoc />
    public void AddTrial(TrialRecord trial, IReadOnlyList<ObserverRecord> observers)
    {
        _trials.Add(trial);
        _observers.AddRange(observers);
    }

    /// <inheritdoc />
    public void Complete(CampaignSummary summary) => CompleteAsync(summary).GetAwaiter().GetResult();

    private async Task CompleteAsync(CampaignSummary summary)
    {
        var trials = new ColumnSet<TrialRecord>()
            .Long("trial", t => t.Trial).Int("point", t => t.Point).Int("repeat", t => t.Repeat).Long("seed", t => t.Seed);
        foreach (var name in _sweepNames) trials.Double(name, t => t.Sweep[name]);
        trials.Double("accuracy", t => t.Accuracy).Double("golden_accuracy", t => t.GoldenAccuracy).Double("float_accuracy", t => t.FloatAccuracy)
            .Long("correct", t => t.Correct).Long("total", t => t.Total).Long("changed", t => t.Changed).Long("faults", t => t.Faults)
            .Long("top5_correct", t => t.Top5Correct).Long("masked", t => t.Masked).Long("tolerable", t => t.Tolerable)
            .Long("sdc", t => t.Sdc).Long("critical_sdc", t => t.CriticalSdc).Long("due", t => t.Due);
        Rate(trials, "accuracy", t => t.Correct, t => t.Total, withValue: false);
        Rate(trials, "top5_accuracy", t => t.Top5Correct, t => t.Total);
        Rate(trials, "sdc_rate", t => t.Sdc, t => t.Total);
        Rate(trials, "critical_sdc_rate", t => t.CriticalSdc, t => t.Total);
        Rate(trials, "due_rate", t => t.Due, t => t.Total);
        Rate(trials, "masked_rate", t => t.Masked, t => t.Total);
        trials.Double("elapsed_s", t => t.ElapsedSeconds).Timestamp("finished_at", t => t.FinishedAt);
        await trials.WriteAsync(TrialsPath, _trials).ConfigureAwait(false);
        await PointSummary.WriteAsync(PointsPath, _sweepNames, _trials).ConfigureAwait(false);

        var observers = new ColumnSet<ObserverRecord>()
            .Long("trial", o => o.Trial).String("layer", o => o.Layer).String("position", o => o.Position)
            .String("observer", o => o.Observer).String("metric", o => o.Metric).NullableLong("index", o => o.Index).Double("value", o => o.Value);
        await observers.WriteAsync(ObserversPath, _observers).ConfigureAwait(false);

        await AtomicFile.WriteAsync(ManifestPath, stream => JsonSerializer.SerializeAsync(stream, Manifest(summary), ManifestJson.Options)).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> Manifest(CampaignSummary s) => new()
    {
        ["tool"] = "mrfi",
        ["tool_version"] = typeof(ParquetResultSink).Assembly.GetName().Version?.ToString(3),
        ["torch_version"] = TorchSharp.torch.__version__,
        ["config_path"] = Path.GetFullPath(s.ConfigPath),
        ["config_sha256"] = Sha256(Encoding.UTF8.GetBytes(s.ConfigText)),
        ["config_text"] = s.ConfigText,
        ["seed"] = s.Seed,
        ["model"] = s.ModelName,
        ["weights_path"] = s.WeightsPath,
        ["weights_sha256"] = s.WeightsPath is null ? null : Sha256(File.ReadAllBytes(s.WeightsPath)),
        ["data"] = s.DataFiles.Select(f => new Dictionary<string, string> { ["path"] = f, ["sha256"] = Sha256(File.ReadAllBytes(f)) }).ToList(),
        ["samples_per_trial"] = s.Samples,
        ["sweep"] = s.SweepNames,
        ["status"] = s.Interrupted ? "interrupted" : "complete",
        ["trials"] = s.Trials,
        ["float_accuracy"] = s.FloatAccuracy,
        ["device"] = s.Device,
        ["threads"] = s.Threads,
        ["started_at"] = s.StartedAt.ToUniversalTime().ToString("O"),
        ["finished_at"] = s.FinishedAt.ToUniversalTime().ToString("O"),
        ["files"] = new[] { "trials.parquet", "observers.parquet", "points.parquet" },
        ["trials_per_second"] = s.Trials / Math.Max(1e-9, (s.FinishedAt - s.StartedAt).TotalSeconds),
    };

    /// <summary>A rate with its 95 % Wilson interval: columns name, name_low, name_high.</summary>
    private static void Rate(ColumnSet<TrialRecord> columns, string name, Func<TrialRecord, long> successes, Func<TrialRecord, long> total, bool withValue = true)
    {
        if (withValue) columns.Double(name, t => total(t) == 0 ? double.NaN : successes(t) / (double)total(t));
        columns.Double($"{name}_low", t => Mrfi.Core.Statistics.Intervals.Wilson(successes(t), total(t)).Low);
        columns.Double($"{name}_high", t => Mrfi.Core.Statistics.Intervals.Wilson(successes(t), total(t)).High);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
