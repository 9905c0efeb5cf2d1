namespace Mrfi.Tool.Cluster;

/// <summary>A campaign split into shards for a cluster: what every shard runs, with which resources.</summary>
/// <param name="Config">The config, absolute.</param>
/// <param name="Out">The results folder every shard writes into, absolute.</param>
/// <param name="WorkingDirectory">The folder `submit` ran in, absolute: the jobs run there too.</param>
/// <param name="Shards">How many shards.</param>
/// <param name="Seed">A seed override, passed to every shard.</param>
/// <param name="Cpus">CPUs per shard.</param>
/// <param name="Options">Inline C# options, passed to every shard.</param>
/// <param name="Resources">Partition, account, time and memory as given (null when not).</param>
internal sealed record ClusterJob(string Config, string Out, string WorkingDirectory, int Shards, long? Seed, int Cpus, LoadOptions Options,
    ClusterResources Resources)
{
    /// <summary>A name for the jobs: the results folder's name, in the characters every scheduler accepts.</summary>
    public string Name
    {
        get
        {
            var name = new string([.. Path.GetFileName(Out.TrimEnd('/')).ToLowerInvariant()
                .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
            return "mrfi-" + (name.Length == 0 ? "campaign" : name[..Math.Min(name.Length, 40)].TrimEnd('-'));
        }
    }

    /// <summary>The shell line that runs one shard: <paramref name="shard"/> and <paramref name="threads"/> are shell
    /// expressions (a scheduler's variables), everything else is quoted.</summary>
    public string RunLine(string tool, string shard, string threads)
    {
        var line = $"{tool} run {Shell.Quote(Config)} --out {Shell.Quote(Out)} --shard \"{shard}/{Shards}\" --threads {threads}";
        if (Seed is { } seed) line += $" --seed {seed}";
        return line + Flags();
    }

    /// <summary>The shell lines that merge the shards and write the report, once all have finished.</summary>
    public IEnumerable<string> MergeLines(string tool)
    {
        yield return $"{tool} merge {Shell.Quote(Out)}";
        yield return $"{tool} report {Shell.Quote(Out)}";
    }

    private string Flags() => (Options.AllowScripts ? "" : " --no-scripts") + (Options.ScriptCache ? "" : " --no-script-cache");
}
