using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi run</c>.</summary>
internal sealed class RunSettings : ConfigSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Write results into exactly this folder (default: a new folder under [[run]] output).")]
    public string? Out { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Override [[run]] seed: the same results as seed = N in the config (untrained weights and synthetic data included).")]
    public long? Seed { get; init; }

    [CommandOption("--trial <N>")]
    [Description("Run only these trials (repeatable): a replay gives the same faults and outputs as in the full run.")]
    public long[] Trials { get; init; } = [];

    [CommandOption("--resume <DIR>")]
    [Description("Continue an interrupted campaign in DIR: finished trials are kept, the rest are run; the result equals an " +
        "uninterrupted run.")]
    public string? Resume { get; init; }

    [CommandOption("--shard <K/N>")]
    [Description("Run only trials t with t mod N = K, writing part files into --out; `dotnet mrfi merge DIR` joins the shards.")]
    public string? Shard { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Override [[run]] threads: the CPU threads the campaign may use (a cluster task passes its CPU count).")]
    public int? Threads { get; init; }

    [CommandOption("--example <NAME>")]
    [Description("Run a campaign that ships inside the tool instead of CONFIG: lenet-fmnist (LeNet on 1000 Fashion-MNIST test images).")]
    public string? Example { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the run's summary and one object per trial (accuracy, faults, seconds) to FILE as JSON, for scripts without " +
        "a Parquet reader.")]
    public string? Json { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Log debug details.")]
    public bool Verbose { get; init; }

    public override ValidationResult Validate() =>
        Resume is not null && Out is not null ? ValidationResult.Error("--resume DIR continues in DIR; do not give --out as well") :
        string.IsNullOrWhiteSpace(Config) ? ValidationResult.Error("CONFIG must not be empty") : ValidationResult.Success();
}
