namespace Mrfi.Results.Parquet;

/// <summary>Where a results folder keeps its tables before they are merged: one folder per table (<c>trials/</c>,
/// <c>observers/</c>, <c>faults/</c>), each one Parquet dataset that Spark, pandas and DuckDB read as a whole.</summary>
/// <remarks>A running campaign writes one part file per finished trial (<c>part-NNNNNN.parquet</c>, or
/// <c>part-K-of-N-NNNNNN.parquet</c> for shard K of N); a shard that completes compacts its parts into
/// <c>shard-K-of-N.parquet</c>. The same file name in every table folder holds the same trials. Temporary files start with a
/// dot, which Spark and Hadoop skip. Compiled into Mrfi.Report too (linked source), which must not load TorchSharp.</remarks>
internal static class ResultsLayout
{
    /// <summary>The tables kept as datasets, trials first (a trials file is the mark that its trials finished).</summary>
    public static readonly string[] Tables = ["trials", "observers", "faults"];

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

    /// <summary>Every data file of a table's dataset (parts and compacted shards of all shards), in name order.</summary>
    public static IReadOnlyList<string> Files(string folder, string table)
    {
        string dataset = Dataset(folder, table);
        return Directory.Exists(dataset) ? [.. Directory.GetFiles(dataset, "*.parquet").Where(IsData).Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The file of <paramref name="table"/> that holds the same trials as the trials file <paramref name="trialsFile"/>.</summary>
    public static string Sibling(string trialsFile, string table) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(trialsFile)!)!, table, Path.GetFileName(trialsFile));

    /// <summary>Deletes the temporary files (a dot, then the name, then <c>.tmp</c>) of the folder and its datasets that
    /// <paramref name="whose"/> accepts by name (all when null).</summary>
    public static void DeleteTemporaryFiles(string folder, Func<string, bool>? whose = null)
    {
        foreach (string dir in Tables.Select(t => Dataset(folder, t)).Prepend(folder).Where(Directory.Exists))
            foreach (var temp in Directory.GetFiles(dir, ".*.tmp").Where(f => whose?.Invoke(Path.GetFileName(f)) ?? true))
                File.Delete(temp);
    }

    /// <summary>Part and shard files, not temporary ones; an unsharded run's parts have no "-of-".</summary>
    private static bool IsData(string path)
    {
        string name = Path.GetFileName(path);
        return name.StartsWith("part-", StringComparison.Ordinal) || name.StartsWith("shard-", StringComparison.Ordinal);
    }
}
