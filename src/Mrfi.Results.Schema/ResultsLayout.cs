namespace Mrfi.Results.Schema;

/// <summary>Where a results folder keeps its tables before they are merged: one folder per table (<c>trials/</c>,
/// <c>observers/</c>, <c>faults/</c>), each one Parquet dataset that Spark, pandas and DuckDB read as a whole.</summary>
/// <remarks>A running campaign writes one part file per finished trial (<c>part-NNNNNN.parquet</c>, or
/// <c>part-K-of-N-NNNNNN.parquet</c> for shard K of N); a shard that completes compacts its parts into
/// <c>shard-K-of-N.parquet</c>. The same file name in every table folder holds the same trials. Temporary files start with a
/// dot, which Spark and Hadoop skip.</remarks>
public static partial class ResultsLayout
{
    /// <summary>The campaign's identity (config hash, sweep, trials), written when a folder is first opened.</summary>
    public const string CampaignFile = "campaign.json";

    /// <summary>The tables kept as datasets, trials first (a trials file is the mark that its trials finished).</summary>
    public static readonly IReadOnlyList<string> Tables = [TrialColumns.Table.Name, ObserverColumns.Table.Name, FaultColumns.Table.Name];

    private static string Trials => TrialColumns.Table.Name;

    /// <summary>The manifest of an unsharded run (<c>manifest.json</c>) or of shard <paramref name="shardTag"/>
    /// (<c>manifest-0-of-4.json</c>).</summary>
    public static string ManifestName(string? shardTag) => shardTag is null ? "manifest.json" : $"manifest-{shardTag}.json";

    /// <summary>The manifests of a folder: manifest.json first, then the shards' in name order.</summary>
    public static IReadOnlyList<string> Manifests(string folder) =>
        [.. new[] { Path.Combine(folder, ManifestName(null)) }.Where(File.Exists),
            .. Directory.GetFiles(folder, "manifest-*.json").Order(StringComparer.Ordinal)];

    /// <summary>The dataset folder of <paramref name="table"/>.</summary>
    public static string Dataset(string folder, string table) => Path.Combine(folder, table);

    /// <summary>The merged single file of <paramref name="table"/>.</summary>
    public static string Merged(string folder, string table) => Path.Combine(folder, table + ".parquet");

    /// <summary>Prefix of the part files of a run: all of them for an unsharded run, one shard's for a shard ("0-of-4").</summary>
    public static string PartPrefix(string? shardTag) => shardTag is null ? "part-" : $"part-{shardTag}-";

    /// <summary>Name of part number <paramref name="number"/>.</summary>
    public static string PartName(string? shardTag, int number) => $"{PartPrefix(shardTag)}{number:D6}.parquet";

    /// <summary>Name of a completed shard's compacted file.</summary>
    public static string ShardName(string shardTag) => $"shard-{shardTag}.parquet";

    /// <summary>Every data file of a table's dataset (parts and compacted shards of all shards), in name order, without the
    /// parts a compacted file supersedes (left by a shard killed between compacting and deleting its parts).</summary>
    public static IReadOnlyList<string> Files(string folder, string table)
    {
        string dataset = Dataset(folder, table);
        if (!Directory.Exists(dataset)) return [];
        var files = Directory.GetFiles(dataset, "*.parquet").Where(f => IsPart(f) || IsShardFile(f)).ToList();
        var compacted = files.Where(IsShardFile).Select(f => ShardTag(Path.GetFileName(f))).ToHashSet();
        return [.. files.Where(f => !(IsPart(f) && compacted.Contains(ShardTag(Path.GetFileName(f))))).Order(StringComparer.Ordinal)];
    }

    /// <summary>Deletes the parts that compacted shard files supersede, in every table (trials last, the mark of a finished
    /// trial).</summary>
    public static void DeleteSupersededParts(string folder)
    {
        foreach (var table in Enumerable.Reverse(Tables))
        {
            string dataset = Dataset(folder, table);
            if (!Directory.Exists(Dataset(folder, Trials)) || !Directory.Exists(dataset)) continue;
            var compacted = Directory.GetFiles(Dataset(folder, Trials), "shard-*.parquet").Select(f => ShardTag(Path.GetFileName(f)))
                .ToHashSet();
            foreach (var part in Directory.GetFiles(dataset, "part-*.parquet")
                .Where(f => compacted.Contains(ShardTag(Path.GetFileName(f)))))
                File.Delete(part);
        }
    }

    /// <summary>The file of <paramref name="table"/> that holds the same trials as the trials file <paramref name="trialsFile"/>.</summary>
    public static string Sibling(string trialsFile, string table) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(trialsFile)!)!, table, Path.GetFileName(trialsFile));

    /// <summary>Deletes the temporary files (a dot, then the name, then <c>.tmp</c>) of the folder and its datasets that
    /// belong to shard <paramref name="shardTag"/>, or all of them when it is null (an unsharded run owns its folder).</summary>
    public static void DeleteTemporaryFiles(string folder, string? shardTag)
    {
        foreach (string dir in Tables.Select(t => Dataset(folder, t)).Prepend(folder).Where(Directory.Exists))
            foreach (var temp in Directory.GetFiles(dir, ".*.tmp")
                .Where(f => shardTag is null || ShardTag(Path.GetFileName(f)) == shardTag))
                File.Delete(temp);
    }

    /// <summary>Whether a data file is the run's: an unsharded run's parts, or shard <paramref name="shardTag"/>'s parts and compacted
    /// file.</summary>
    public static bool IsOwn(string path, string? shardTag)
    {
        string? tag = ShardTag(Path.GetFileName(path));
        return shardTag is null ? tag is null && IsPart(path) : tag == shardTag;
    }

    /// <summary>Whether a file is a part file (one trial).</summary>
    public static bool IsPart(string path) => Path.GetFileName(path).StartsWith("part-", StringComparison.Ordinal);

    private static bool IsShardFile(string path) => Path.GetFileName(path).StartsWith("shard-", StringComparison.Ordinal);

    /// <summary>"K-of-N" of a shard's file name (part, compacted file, manifest, or the temporary file of one), else null.</summary>
    private static string? ShardTag(string name)
    {
        var match = TaggedName().Match(name);
        return match.Success ? match.Groups[1].Value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\.?(?:part|shard|manifest)-(\d+-of-\d+)[-.]")]
    private static partial System.Text.RegularExpressions.Regex TaggedName();
}
