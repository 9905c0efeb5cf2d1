using Mrfi.Core;
using System.Globalization;

namespace Mrfi.Tool.Cluster;

/// <summary>The two batch scripts of a Slurm submission: the shards as one job array, and the merge-and-report job.</summary>
internal static class SlurmScripts
{
    /// <summary>File name of the array script in DIR/slurm/.</summary>
    public const string ShardsFile = "shards.sbatch";

    /// <summary>File name of the merge script in DIR/slurm/.</summary>
    public const string MergeFile = "merge.sbatch";

    /// <summary>The job array: task K runs shard K. A requeued or resubmitted task finds its own finished trials in the
    /// results folder and runs only the rest.</summary>
    public static string Shards(ClusterJob job, string tool) => $"""
        #!/bin/bash
        # mrfi: the campaign {job.Config}
        # as {job.Shards} shards, one array task each (written by `dotnet mrfi submit --slurm`, mrfi {MrfiApp.Version}, {Stamp()}).
        # Task K runs the trials t with t mod {job.Shards} = K and writes them into {job.Out}.
        # A task that is pre-empted or requeued starts again from its own finished trials: none is lost or run twice.
        # `dotnet mrfi submit --resume {job.Out}` resubmits the tasks whose shard still lacks trials.
        #SBATCH --job-name={job.Name}
        #SBATCH --array=0-{job.Shards - 1}
        #SBATCH --cpus-per-task={job.Cpus}
        #SBATCH --requeue
        #SBATCH --open-mode=append
        #SBATCH --output={Log(job, "shard-%a.out")}
        #SBATCH --chdir={job.WorkingDirectory}
        {Resources(job)}set -eu
        exec {job.RunLine(tool, "$SLURM_ARRAY_TASK_ID", "\"${SLURM_CPUS_PER_TASK:-1}\"")}

        """;

    /// <summary>The job that runs after every array task succeeded: merge (which checks that no trial is missing or doubled),
    /// then the report.</summary>
    public static string Merge(ClusterJob job, string tool) => $"""
        #!/bin/bash
        # mrfi: merge and report of the {job.Shards} shards in {job.Out}
        # (written by `dotnet mrfi submit --slurm`, mrfi {MrfiApp.Version}, {Stamp()}); submitted with --dependency=afterok on the array.
        #SBATCH --job-name={job.Name}-merge
        #SBATCH --cpus-per-task=1
        #SBATCH --open-mode=append
        #SBATCH --output={Log(job, "merge.out")}
        #SBATCH --chdir={job.WorkingDirectory}
        {Resources(job)}set -eu
        {string.Join("\n", job.MergeLines(tool))}

        """;

    /// <summary>Refuses paths that #SBATCH lines cannot carry: Slurm ends an option's value at white space and expands %
    /// in --output (job id, task); both would silently send the logs or the jobs elsewhere.</summary>
    public static void CheckPaths(ClusterJob job)
    {
        foreach (var (what, path) in new[] { ("--out", job.Out), ("the current folder", job.WorkingDirectory) })
            if (path.Any(c => char.IsWhiteSpace(c) || c is '%' or '#' or '"' or '\''))
                throw new MrfiException($"{what} {path}: Slurm's #SBATCH lines cannot carry a path with spaces, quotes, % or #; choose " +
                    $"{(what == "--out" ? "a results folder" : "a working folder")} without them");
    }

    /// <summary>The folder of the scripts and their logs.</summary>
    public static string Folder(string results) => Path.Combine(results, "slurm");

    private static string Log(ClusterJob job, string name) => Path.Combine(Folder(job.Out), name);

    private static string Resources(ClusterJob job) => string.Concat(job.Resources.SbatchOptions().Select(o => $"#SBATCH {o}\n"));

    private static string Stamp() => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
