using Mrfi.Core;

namespace Mrfi.Results.Parquet;

/// <summary>Joins the part files in a results folder (all shards) into the merged tables, checking that every trial of the
/// campaign is there exactly once.</summary>
public static class PartMerger
{
    /// <summary>Merges and deletes the parts; returns the trial and observer row counts.</summary>
    public static (int Trials, int Observers) Merge(string folder)
    {
        if (!Directory.Exists(folder)) throw new MrfiException($"error: {folder} does not exist");
        var identity = CampaignIdentity.Read(folder) ?? throw new MrfiException($"error: {folder} has no campaign.json; it is not a results folder");
        var trialParts = Directory.GetFiles(folder, "trials-part-*.parquet").Order(StringComparer.Ordinal).ToList();
        if (trialParts.Count == 0) throw new MrfiException($"error: {folder} has no part files to merge");
        var trials = trialParts.SelectMany(p => RecordReader.TrialsAsync(p, identity.Sweep).GetAwaiter().GetResult()).ToList();
        var observers = trialParts.Select(p => ParquetResultSink.Sibling(p, "observers"))
            .Where(File.Exists).SelectMany(p => RecordReader.ObserversAsync(p).GetAwaiter().GetResult()).ToList();
        var duplicates = trials.GroupBy(t => t.Trial).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        if (duplicates.Count > 0) throw new MrfiException($"error: {folder}: trial(s) {string.Join(", ", duplicates)} appear in more than one part file (the same shard run twice?)");
        var present = trials.Select(t => t.Trial).ToHashSet();
        var missing = Enumerable.Range(0, identity.Trials).Where(t => !present.Contains(t)).ToList();
        if (missing.Count > 0)
            throw new MrfiException($"error: {folder}: {missing.Count} of {identity.Trials} trials are missing (first: {string.Join(", ", missing.Take(10))}); run or resume the shards that own them");
        var faults = trialParts.Select(p => ParquetResultSink.Sibling(p, "faults"))
            .Where(File.Exists).SelectMany(p => RecordReader.FaultsAsync(p).GetAwaiter().GetResult()).ToList();
        ParquetResultSink.WriteMergedAsync(folder, identity.Sweep, trials, observers, faults).GetAwaiter().GetResult();
        foreach (var part in Directory.GetFiles(folder, "*-part-*.parquet")) File.Delete(part);
        return (trials.Count, observers.Count);
    }
}
