using System.Text.Json;
using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Results.Parquet;

namespace Mrfi.Tool.Commands;

/// <summary><c>run --json FILE</c>: the run's summary and one object per trial, for scripts that have no Parquet reader
/// (Debian's Python, say); the same numbers as manifest.json and trials.parquet.</summary>
internal static class RunJson
{
    /// <summary>Fails before the campaign starts when FILE could not be written afterwards.</summary>
    public static void Check(string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
            throw new MrfiException($"--json {path}: the folder {folder} does not exist; create it or choose another file");
        if (Directory.Exists(path))
            throw new MrfiException($"--json {path} is a folder; give a file name, e.g. {Path.Combine(path, "run.json")}");
    }

    /// <summary>Writes FILE atomically; <paramref name="trials"/> are all trials of the results folder (with --resume, earlier ones
    /// too).</summary>
    public static void Write(string path, CampaignSummary summary, IReadOnlyList<TrialRecord> trials)
    {
        var document = new Dictionary<string, object?>
        {
            ["status"] = summary.Interrupted ? "interrupted" : "complete",
            ["seed"] = summary.Seed,
            ["samples_per_trial"] = summary.Samples,
            ["float_accuracy"] = ManifestJson.Number(summary.FloatAccuracy),
            ["threads"] = summary.Threads,
            ["golden_seconds_per_pass"] = summary.GoldenSecondsPerPass,
            ["seconds_per_trial"] = summary.SecondsPerTrial,
            ["overhead_over_golden"] = summary.OverheadOverGolden,
            ["early_exit_batches"] = summary.EarlyExitBatches,
            ["sweep"] = summary.SweepNames,
            // The names of the model's outputs in graph order (output_rmse follows it), null for a built-in model: as manifest.json.
            ["outputs"] = summary.OutputNames,
            ["points"] = RunJsonPoints.Of(summary, trials),
            ["trials"] = trials.OrderBy(t => t.Trial).Select(t => Trial(t, summary.SweepNames)).ToList(),
        };
        AtomicFile.WriteAsync(Path.GetFullPath(path), stream => JsonSerializer.SerializeAsync(stream, document, ManifestJson.Options))
            .GetAwaiter().GetResult();
    }

    private static Dictionary<string, object?> Trial(TrialRecord t, IReadOnlyList<string> sweepNames) => new()
    {
        ["trial"] = t.Trial,
        ["point"] = t.Point,
        ["repeat"] = t.Repeat,
        ["seed"] = t.Seed,
        ["sweep"] = sweepNames.ToDictionary(n => n, n => t.Sweep.Get(n)),
        ["accuracy"] = ManifestJson.Number(t.Accuracy),
        ["golden_accuracy"] = ManifestJson.Number(t.GoldenAccuracy),
        ["correct"] = t.Correct,
        ["total"] = t.Total,
        ["changed"] = t.Changed,
        ["faults"] = t.Faults,
        ["elapsed_s"] = t.ElapsedSeconds,
        ["output"] = t.Output,
        ["rmse"] = ManifestJson.Number(t.Rmse),
        ["max_deviation"] = ManifestJson.Number(t.MaxDeviation),
        ["output_rmse"] = RunJsonPoints.Outputs(t).Select(ManifestJson.Number).ToList(),
    };
}
