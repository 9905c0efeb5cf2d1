using System.Diagnostics;
using System.Globalization;
using Mrfi.Core;

namespace Mrfi.Tool.Cluster;

/// <summary>Slurm's own commands (sbatch, squeue), found on PATH and run as processes: mrfi talks to Slurm only
/// through them, as a user would.</summary>
internal sealed class SlurmClient
{
    private readonly string _sbatch;

    private SlurmClient(string sbatch) => _sbatch = sbatch;

    /// <summary>The client, or one error saying that Slurm's commands are not on PATH.</summary>
    public static SlurmClient Find() => new(Which("sbatch") ?? throw new MrfiException(
        "sbatch is not on PATH: run `dotnet mrfi submit` on a Slurm login node (or install Slurm's client commands), or add --dry-run to " +
        "print the scripts"));

    /// <summary>Submits <paramref name="script"/> with <paramref name="options"/>; returns the job id.</summary>
    public long Submit(string script, IEnumerable<string> options)
    {
        var (code, output, error) = Execute(_sbatch, [.. options, "--parsable", script]);
        // --parsable prints "jobid" or "jobid;cluster".
        if (code != 0 || !long.TryParse(output.Trim().Split(';')[0], CultureInfo.InvariantCulture, out long id))
            throw new MrfiException($"sbatch {script} failed (exit code {code}): {FirstLine(error, output)}");
        return id;
    }

    /// <summary>Jobs (array tasks included) of <paramref name="ids"/> still pending or running, as "id state" lines.</summary>
    public IReadOnlyList<string> Active(IEnumerable<long> ids) => [.. ids.Distinct().SelectMany(Active)];

    // One squeue per job: squeue refuses a whole list when it has forgotten one of its ids ("Invalid job id specified",
    // a job long over), which must not hide another that still runs.
    private IEnumerable<string> Active(long id)
    {
        var (code, output, error) = Execute(Sibling("squeue"), ["-h", "-j", id.ToString(CultureInfo.InvariantCulture), "-o", "%i %T"]);
        if (code != 0)
            return error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase) ? []
                : throw new MrfiException($"squeue failed (exit code {code}): {FirstLine(error, output)}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private string Sibling(string command) =>
        Path.Combine(Path.GetDirectoryName(_sbatch)!, command) is var path && File.Exists(path) ? path : Which(command) ?? command;

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists);

    private static (int Code, string Output, string Error) Execute(string command, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new MrfiException($"{command} could not be started");
        // Both streams read asynchronously, so that a command that never ends cannot block us past the timeout.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new MrfiException($"{command} did not answer within two minutes; is slurmctld reachable (scontrol ping)?");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FirstLine(string error, string output) =>
        (error.Trim().Length > 0 ? error : output).Trim().Split('\n')[0] is { Length: > 0 } line ? line : "no message";
}
