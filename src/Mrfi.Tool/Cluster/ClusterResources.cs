using System.Globalization;
using System.Text.RegularExpressions;
using Mrfi.Core;

namespace Mrfi.Tool.Cluster;

/// <summary>What each shard asks of the scheduler, as the user gave it (Slurm's formats), checked once.</summary>
/// <param name="Partition">Slurm partition.</param>
/// <param name="Account">Slurm account.</param>
/// <param name="Time">Time limit: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS.</param>
/// <param name="Mem">Memory: megabytes, or a number with K, M, G or T.</param>
internal sealed partial record ClusterResources(string? Partition, string? Account, string? Time, string? Mem)
{
    /// <summary>Checks the formats; a mistake names the option and shows the form.</summary>
    public ClusterResources Checked()
    {
        if (Time is not null && TimeLimit() is null)
            throw new MrfiException($"--time {Time}: write the limit as Slurm does: MM, HH:MM:SS or D-HH:MM:SS (e.g. --time 02:00:00)");
        if (Mem is not null && !MemPattern().IsMatch(Mem))
            throw new MrfiException($"--mem {Mem}: write megabytes or a number with K, M, G or T (e.g. --mem 4G)");
        foreach (var (option, value) in new[] { ("--partition", Partition), ("--account", Account) })
            if (value is not null && (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '#')))
                throw new MrfiException($"{option} '{value}': a {option[2..]} name has no spaces or quotes");
        return this;
    }

    /// <summary>The #SBATCH options, or sbatch arguments, for the values given.</summary>
    public IEnumerable<string> SbatchOptions()
    {
        if (Partition is not null) yield return $"--partition={Partition}";
        if (Account is not null) yield return $"--account={Account}";
        if (Time is not null) yield return $"--time={Time}";
        if (Mem is not null) yield return $"--mem={Mem}";
    }

    /// <summary>The time limit as a span, or null when <see cref="Time"/> is not in one of Slurm's forms.</summary>
    public TimeSpan? TimeLimit()
    {
        var m = TimePattern().Match(Time ?? "");
        if (!m.Success) return null;
        int days = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 0;
        var parts = m.Groups["rest"].Value.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        // Without days: M, M:S, H:M:S. With days: D-H, D-H:M, D-H:M:S.
        var (h, min, s) = m.Groups["d"].Success
            ? (parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2))
            : parts.Length switch { 1 => (0, parts[0], 0), 2 => (0, parts[0], parts[1]), _ => (parts[0], parts[1], parts[2]) };
        return new TimeSpan(days, h, min, s);
    }

    /// <summary>Memory in Kubernetes' quantity form (Slurm's K/M/G/T are binary units; a bare number is megabytes).</summary>
    public string? KubernetesMemory() =>
        Mem is null ? null : char.IsAsciiLetter(Mem[^1]) ? Mem[..^1] + char.ToUpperInvariant(Mem[^1]) + "i" : Mem + "Mi";

    [GeneratedRegex(@"^((?<d>\d+)-)?(?<rest>\d+(:\d+){0,2})$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d+[KMGTkmgt]?$")]
    private static partial Regex MemPattern();
}
