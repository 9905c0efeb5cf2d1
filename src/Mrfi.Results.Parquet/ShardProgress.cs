using Mrfi.Results.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>Which trials of a campaign a results folder's trials/ dataset holds: the gaps, the trials found twice, and the
/// shards (of <see cref="Check(string, CampaignIdentity, int)"/>'s count) that still lack trials.</summary>
/// <param name="Missing">Trials of the campaign in no file, ascending.</param>
/// <param name="Duplicates">Trials in more than one file (or twice in one), ascending.</param>
/// <param name="IncompleteShards">Shards K (trials t with t mod N = K) that lack a trial; empty when no shard count was given.</param>
public sealed record ShardProgress(IReadOnlyList<long> Missing, IReadOnlyList<long> Duplicates, IReadOnlyList<int> IncompleteShards)
{
    /// <summary>Reads the trial column of every file in <paramref name="folder"/>/trials/.</summary>
    public static ShardProgress Check(string folder, CampaignIdentity identity, int shards = 0) =>
        From(ResultsLayout.Files(folder, TrialColumns.Table.Name).SelectMany(f => RecordReader.TrialIdsAsync(f).GetAwaiter().GetResult()),
            identity, shards);

    /// <summary>The progress that the trial numbers <paramref name="trials"/> (one per row found) make.</summary>
    public static ShardProgress From(IEnumerable<long> trials, CampaignIdentity identity, int shards = 0)
    {
        var counts = new Dictionary<long, int>();
        foreach (long t in trials) counts[t] = counts.GetValueOrDefault(t) + 1;
        var missing = Enumerable.Range(0, identity.Trials).Select(t => (long)t).Where(t => !counts.ContainsKey(t)).ToList();
        var duplicates = counts.Where(c => c.Value > 1).Select(c => c.Key).Order().ToList();
        var incomplete = shards <= 0 ? [] : missing.Select(t => (int)(t % shards)).Distinct().Order().ToList();
        return new ShardProgress(missing, duplicates, incomplete);
    }
}
