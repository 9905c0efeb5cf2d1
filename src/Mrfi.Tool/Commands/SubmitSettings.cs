using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi submit</c>; checked in the command (a mistake is a user error, exit code 2).</summary>
internal sealed class SubmitSettings : ConfigSettings
{
    [CommandOption("--slurm")]
    [Description("Submit to Slurm: a job array of --shards tasks, then a merge-and-report job that runs when all succeeded.")]
    public bool Slurm { get; init; }

    [CommandOption("--k8s")]
    [Description("Write a Kubernetes Indexed Job (one pod per shard) and a merge Job into DIR/k8s/, and print the kubectl commands.")]
    public bool Kubernetes { get; init; }

    [CommandOption("--shards <N>")]
    [Description("Split the campaign into N shards (trial t goes to shard t mod N); at most the number of trials.")]
    public int? Shards { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("The results folder every shard writes into; it must be on storage all nodes share (default: a new folder under [[run]] " +
        "output).")]
    public string? Out { get; init; }

    [CommandOption("--resume <DIR>")]
    [Description("Resubmit the shards of DIR that lack trials (a failed, cancelled or timed-out task) and the merge job.")]
    public string? Resume { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Override [[run]] seed in every shard.")]
    public long? Seed { get; init; }

    [CommandOption("--partition <P>")]
    [Description("Slurm partition (sbatch --partition).")]
    public string? Partition { get; init; }

    [CommandOption("--account <A>")]
    [Description("Slurm account to charge (sbatch --account).")]
    public string? Account { get; init; }

    [CommandOption("--time <LIMIT>")]
    [Description("Time limit per shard, as Slurm writes it: MM, HH:MM:SS or D-HH:MM:SS (Kubernetes: activeDeadlineSeconds).")]
    public string? Time { get; init; }

    [CommandOption("--cpus-per-task <C>")]
    [Description("CPUs per shard (default 1); each shard runs with that many threads.")]
    public int? CpusPerTask { get; init; }

    [CommandOption("--mem <M>")]
    [Description("Memory per shard, as Slurm writes it: a number of MB or with a unit K, M, G, T (e.g. 4G).")]
    public string? Mem { get; init; }

    [CommandOption("--image <IMAGE>")]
    [Description("--k8s: the container image that holds the dotnet-mrfi tool (default mrfi:<version>).")]
    public string? Image { get; init; }

    [CommandOption("--claim <NAME>")]
    [Description("--k8s: the PersistentVolumeClaim that holds the config, model, data and results (default mrfi-data).")]
    public string? Claim { get; init; }

    [CommandOption("--mount <PATH>")]
    [Description("--k8s: where the claim is mounted in the pods (default: the folder holding the config, the results and the current " +
        "folder).")]
    public string? Mount { get; init; }

    [CommandOption("--dry-run")]
    [Description("Print the scripts (or manifests) and the commands that would submit them; write and submit nothing.")]
    public bool DryRun { get; init; }
}
