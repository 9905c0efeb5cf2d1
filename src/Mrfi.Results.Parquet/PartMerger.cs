using Mrfi.Core;
using Mrfi.Results.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>Joins the datasets of a results folder (every shard's parts and compacted files) into the single-file tables,
/// checking that every trial of the campaign is there exactly once. The datasets stay: they are what Spark reads.</summary>
public static class PartMerger
{
    /// <summary>Merges; returns the trial and observer row counts.</summary>
    public static (int Trials, int Observers) Merge(string folder)
    {
        if (!Directory.Exists(folder)) throw new MrfiException($"{folder} does not exist");
        var identity = CampaignIdentity.Read(folder)
            ?? throw new MrfiException($"{folder} has no campaign.json; it is not a results folder");
        ResultsLayout.DeleteSupersededParts(folder);
        var trialFiles = ResultsLayout.Files(folder, TrialColumns.Table.Name);
        if (trialFiles.Count == 0)
            throw new MrfiException($"{folder} has no trials/ dataset to merge" +
                $"{(File.Exists(ResultsLayout.Merged(folder, TrialColumns.Table.Name))
                    ? " (trials.parquet is there: an unsharded run merges itself)" : "")}");
        var trials = trialFiles.SelectMany(p => RecordReader.TrialsAsync(p, identity.Sweep).GetAwaiter().GetResult()).ToList();
        var check = ShardProgress.From(trials.Select(t => t.Trial), identity);
        if (check.Duplicates.Count > 0)
            throw new MrfiException($"{folder}: trial(s) {string.Join(", ", check.Duplicates.Take(10))} appear in more than one file of " +
                $"trials/ (the same shard run twice?)");
        if (check.Missing.Count > 0)
            throw new MrfiException($"{folder}: {check.Missing.Count} of {identity.Trials} trials are missing (first: " +
                $"{string.Join(", ", check.Missing.Take(10))}); run or resume the shards that own them");
        var observers = trialFiles.Select(p => ResultsLayout.Sibling(p, ObserverColumns.Table.Name))
            .Where(File.Exists).SelectMany(p => RecordReader.ObserversAsync(p).GetAwaiter().GetResult()).ToList();
        var faults = trialFiles.Select(p => ResultsLayout.Sibling(p, FaultColumns.Table.Name))
            .Where(File.Exists).SelectMany(p => RecordReader.FaultsAsync(p).GetAwaiter().GetResult()).ToList();
        ParquetResultSink.WriteMergedAsync(folder, identity.Sweep, trials, observers, faults).GetAwaiter().GetResult();
        return (trials.Count, observers.Count);
    }
}
