using System.Globalization;
using Mrfi.Core;
using Mrfi.Results.Parquet;
using Mrfi.Results.Schema;
using Spectre.Console;

namespace Mrfi.Tool.Cluster;

/// <summary><c>submit --slurm --resume DIR</c>: resubmits the array tasks whose shard still lacks trials (failed, cancelled,
/// timed out) and a new merge job. Each resubmitted task continues from its shard's finished trials, and nothing is
/// submitted while an earlier job of the folder is still queued or running, so no trial is run twice.</summary>
internal sealed class SlurmResume(IAnsiConsole console)
{
    /// <summary>The sbatch options that make a job wait for every task of <paramref name="array"/> to succeed, and
    /// cancel it (rather than leave it pending for ever) when one fails.</summary>
    public static string[] AfterOk(long array) => [$"--dependency=afterok:{array}", "--kill-on-invalid-dep=yes"];

    public int Run(string folder, ClusterResources resources, bool dryRun)
    {
        var record = SlurmSubmission.Read(folder);
        var identity = CampaignIdentity.Read(folder)
            ?? throw new MrfiException($"{folder} has no campaign.json; it is not a results folder");
        if (File.Exists(ResultsLayout.Merged(folder, TrialColumns.Table.Name)))
        {
            console.WriteLine($"nothing to resume: {folder} is merged (trials.parquet); `dotnet mrfi report {folder}` reads it");
            return 0;
        }
        var progress = ShardProgress.Check(folder, identity, record.Shards);
        if (progress.Duplicates.Count > 0)
            throw new MrfiException($"{folder}: trial(s) {string.Join(", ", progress.Duplicates.Take(10))} appear in more than one file " +
                $"of trials/; delete the extra files, then resume");
        string shards = Path.Combine(SlurmScripts.Folder(folder), SlurmScripts.ShardsFile);
        string merge = Path.Combine(SlurmScripts.Folder(folder), SlurmScripts.MergeFile);
        string tasks = string.Join(',', progress.IncompleteShards);
        var overrides = resources.SbatchOptions().ToList();
        if (dryRun)
        {
            console.WriteLine(tasks.Length == 0 ? "every shard is complete; would submit the merge job only"
                : $"shards lacking trials: {tasks} ({progress.Missing.Count} trials missing)");
            if (tasks.Length > 0)
                console.WriteLine($"would run: sbatch {string.Join(' ', overrides.Append($"--array={tasks}"))} --parsable {shards}");
            console.WriteLine($"           sbatch {string.Join(' ', overrides)} --dependency=afterok:<array job> " +
                $"--kill-on-invalid-dep=yes --parsable {merge}");
            return 0;
        }
        var slurm = SlurmClient.Find();
        var active = slurm.Active(record.ArrayJobs.Concat(record.MergeJobs));
        if (active.Count > 0)
            throw new MrfiException($"jobs of {folder} are still queued or running ({string.Join(", ", active.Take(8))}); wait for them " +
                $"to end or scancel them, then resume");
        long? array = tasks.Length == 0 ? null : slurm.Submit(shards, overrides.Append($"--array={tasks}"));
        long job = slurm.Submit(merge, array is { } a ? overrides.Concat(AfterOk(a)) : overrides);
        new SlurmSubmission(record.Shards, array is { } id ? [.. record.ArrayJobs, id] : record.ArrayJobs, [.. record.MergeJobs, job])
            .Write(folder);
        if (array is null) console.WriteLine($"every shard of {folder} is complete");
        Submitted(console, folder, array is null ? null : $"shard(s) {tasks} ({progress.Missing.Count} trials missing)", array, job);
        return 0;
    }

    /// <summary>What was submitted, and how to follow it.</summary>
    public static void Submitted(IAnsiConsole console, string folder, string? what, long? array, long merge)
    {
        string ids = string.Join(',', new[] { array, merge }.OfType<long>().Select(i => i.ToString(CultureInfo.InvariantCulture)));
        if (array is not null) console.WriteLine($"submitted {what} of {folder} as Slurm job array {array}");
        console.WriteLine($"submitted merge and report as job " +
            $"{merge}{(array is null ? "" : $", which runs when every task of {array} has succeeded")}");
        console.WriteLine($"  watch:   squeue -j {ids}");
        console.WriteLine($"  logs:    {SlurmScripts.Folder(folder)}/");
        console.WriteLine($"  results: {folder} (trials/, observers/, faults/ grow as shards finish trials; trials.parquet and report/ " +
            $"come with job {merge})");
        console.WriteLine($"  a shard failed or was cancelled? dotnet mrfi submit --slurm --resume {folder}");
    }
}
