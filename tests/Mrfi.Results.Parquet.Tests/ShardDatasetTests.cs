using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;
using Mrfi.Core.Configuration;
using Mrfi.Results.Schema;

namespace Mrfi.Results.Parquet.Tests;

/// <summary>A sharded results folder is one Parquet dataset per table (trials/, observers/, faults/): every shard's files
/// share one schema, a restarted shard continues from its own trials, and nothing is counted twice.</summary>
[TestClass]
public sealed class ShardDatasetTests
{
    private const int Trials = 10;
    private static readonly string[] Sweep = ["ber", "format"];
    private static readonly CampaignIdentity Identity = new("cafe0123456789", 7, Trials, Sweep);

    private static TrialRecord Trial(long t) => new(t, (int)(t / 2), (int)(t % 2), 100 + t,
        new SweepValues([KeyValuePair.Create<string, object>("ber", Math.Pow(10, -1 - t / 2)),
            KeyValuePair.Create<string, object>("format", t % 4 < 2 ? "int8" : "float16")]),
        0.5 + t / 100.0, 0.9, 0.9, 50 + t, 100, t, 3 * t, 0.1, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(t));

    private static ObserverRecord[] Observers(long t) =>
        [new(t, "conv1", "after", "RMSE", "rmse", t / 10.0), new(t, "fc", "after", "Histogram", "count", t, 2)];

    private static FaultRecord[] Faults(long t) => t % 5 == 0 ? [] : [new(t, 0, "fc", "weight", "w", t, $"0,{t}", 4, 0.25, -0.25, 8, -8)];

    /// <summary>Runs the trials of <paramref name="shard"/> (all of them, or stops after <paramref name="stopAfter"/> without
    /// completing).</summary>
    private static ParquetResultSink RunShard(string folder, Shard shard, int stopAfter = int.MaxValue)
    {
        var sink = new ParquetResultSink(folder, Sweep, Identity, shard, resume: false);
        int done = 0;
        for (long t = 0; t < Trials; t++)
        {
            if (!shard.Includes(t) || sink.Finished.Contains(t)) continue;
            if (done++ == stopAfter) return sink;
            sink.AddTrial(Trial(t), Observers(t), Faults(t));
        }
        sink.Complete(new CampaignSummary("mrfi.toml", "# c\n", 7, "LeNet", null, [], Sweep, done, 100, 0.9, "cpu", 1, DateTime.UtcNow,
            DateTime.UtcNow));
        return sink;
    }

    private static long[] TrialColumn(string glob) =>
        [.. DuckDb.Query($"SELECT trial FROM read_parquet('{glob}') ORDER BY trial").Select(r => (long)r[0]!)];

    [TestMethod]
    public void A_finished_shard_compacts_its_parts_into_one_file_per_table()
    {
        string folder = Repo.TempFolder("dataset");
        RunShard(folder, new Shard(1, 3));
        foreach (var table in new[] { "trials", "observers", "faults" })
            CollectionAssert.AreEqual(new[] { "shard-1-of-3.parquet" },
                Directory.GetFiles(Path.Combine(folder, table)).Select(Path.GetFileName).ToArray(), table);
        CollectionAssert.AreEqual(new long[] { 1, 4, 7 }, TrialColumn($"{folder}/trials/*.parquet"));
        Assert.AreEqual(6L, DuckDb.Query($"SELECT count(*) FROM read_parquet('{folder}/observers/*.parquet')")[0][0]);
        CollectionAssert.AreEqual(new long[] { 1, 4, 7 }, TrialColumn($"{folder}/faults/*.parquet"),
            "trials 1, 4 and 7 each have one fault");
    }

    [TestMethod]
    public void A_shard_started_again_continues_from_its_own_finished_trials_only()
    {
        string folder = Repo.TempFolder("dataset");
        RunShard(folder, new Shard(0, 2), stopAfter: 2);          // killed after trials 0 and 2
        RunShard(folder, new Shard(1, 2), stopAfter: 1);          // another shard's part: not this shard's business
        var again = new ParquetResultSink(folder, Sweep, Identity, new Shard(0, 2), resume: false);
        CollectionAssert.AreEquivalent(new long[] { 0, 2 }, again.Finished.ToArray());
        RunShard(folder, new Shard(0, 2));
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 4, 6, 8 }, TrialColumn($"{folder}/trials/*.parquet"),
            "each trial once: 0-8 even from shard 0, 1 from shard 1's part");
    }

    [TestMethod]
    public void Parts_left_beside_a_compacted_shard_file_are_dropped_not_counted_twice()
    {
        string folder = Repo.TempFolder("dataset");
        RunShard(folder, new Shard(0, 2), stopAfter: 3);
        string aside = Repo.TempFolder("aside");
        foreach (var table in new[] { "trials", "observers", "faults" })
            foreach (var part in Directory.GetFiles(Path.Combine(folder, table)))
                File.Copy(part, Path.Combine(Directory.CreateDirectory(Path.Combine(aside, table)).FullName, Path.GetFileName(part)));
        RunShard(folder, new Shard(0, 2));
        // A shard killed between writing its compacted file and deleting its parts leaves both behind.
        foreach (var table in new[] { "trials", "observers", "faults" })
            foreach (var part in Directory.GetFiles(Path.Combine(aside, table)))
                File.Copy(part, Path.Combine(folder, table, Path.GetFileName(part)));
        Assert.HasCount(4, Directory.GetFiles(Path.Combine(folder, "trials")), "three leftover parts beside the compacted file");
        Assert.IsEmpty(ShardProgress.Check(folder, Identity).Duplicates, "readers skip the parts a compacted file supersedes");
        CollectionAssert.AreEqual(new[] { Path.Combine(folder, "trials", "shard-0-of-2.parquet") },
            ResultsLayout.Files(folder, "trials").ToArray());

        var again = new ParquetResultSink(folder, Sweep, Identity, new Shard(0, 2), resume: false);
        CollectionAssert.AreEquivalent(new long[] { 0, 2, 4, 6, 8 }, again.Finished.ToArray());
        Assert.HasCount(5, again.Trials, "each trial once");
        CollectionAssert.AreEqual(new[] { "shard-0-of-2.parquet" },
            Directory.GetFiles(Path.Combine(folder, "trials")).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void Every_file_of_a_dataset_has_the_schema_of_the_merged_table()
    {
        string folder = Repo.TempFolder("dataset");
        RunShard(folder, new Shard(0, 3));
        RunShard(folder, new Shard(1, 3));
        RunShard(folder, new Shard(2, 3), stopAfter: 1);         // killed after one trial, then started again
        RunShard(folder, new Shard(2, 3));
        Assert.AreEqual(Trials, PartMerger.Merge(folder).Trials);
        foreach (var table in new[] { "trials", "observers", "faults" })
        {
            var merged = DuckDb.Schema(Path.Combine(folder, table + ".parquet"));
            var files = Directory.GetFiles(Path.Combine(folder, table));
            Assert.HasCount(3, files, table);
            foreach (var file in files)
                CollectionAssert.AreEqual(merged.ToList(), DuckDb.Schema(file).ToList(), $"{file} has the merged {table} schema");
        }
        Assert.AreEqual("VARCHAR", DuckDb.Schema($"{folder}/trials/*.parquet")["format"],
            "a text sweep variable is a string column in every shard");
    }

    [TestMethod]
    public void The_dataset_folder_reads_as_the_merged_table_row_for_row()
    {
        string folder = Repo.TempFolder("dataset");
        for (int k = 0; k < 4; k++) RunShard(folder, new Shard(k, 4));
        PartMerger.Merge(folder);
        foreach (var (table, order) in new[] { ("trials", "trial"), ("observers", "trial, layer, metric, index"),
            ("faults", "trial, index") })
        {
            var dataset = DuckDb.Query($"SELECT * FROM read_parquet('{folder}/{table}/*.parquet') ORDER BY {order}");
            var merged = DuckDb.Query($"SELECT * FROM read_parquet('{folder}/{table}.parquet') ORDER BY {order}");
            Assert.HasCount(merged.Count, dataset, table);
            CollectionAssert.AreEqual(merged.SelectMany(r => r).ToList(), dataset.SelectMany(r => r).ToList(), table);
        }
    }

    [TestMethod]
    public void Shard_progress_names_the_shards_that_lack_trials()
    {
        string folder = Repo.TempFolder("dataset");
        RunShard(folder, new Shard(0, 3));
        RunShard(folder, new Shard(1, 3), stopAfter: 2);
        var progress = ShardProgress.Check(folder, Identity, shards: 3);
        CollectionAssert.AreEqual(new[] { 1, 2 }, progress.IncompleteShards.ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 5, 7, 8 }, progress.Missing.ToArray());
        Assert.IsEmpty(progress.Duplicates);
        var merge = Assert.ThrowsExactly<Mrfi.Core.MrfiException>(() => PartMerger.Merge(folder));
        StringAssert.Contains(merge.Message, "4 of 10 trials are missing (first: 2, 5, 7, 8)");
    }

    [TestMethod]
    public void A_shard_deletes_only_its_own_temporary_files_and_merge_none_since_other_shards_write_beside_them()
    {
        string folder = Repo.TempFolder("dataset");
        Directory.CreateDirectory(Path.Combine(folder, "trials"));
        string[] others = [Path.Combine(folder, ".campaign.json.0a1b.tmp"),
            Path.Combine(folder, "trials", ".part-1-of-2-000001.parquet.0a1b.tmp"),
            Path.Combine(folder, "trials", ".part-10-of-20-000001.parquet.0a1b.tmp"),
            Path.Combine(folder, ".manifest-1-of-2.json.0a1b.tmp")];
        string[] own = [Path.Combine(folder, "trials", ".part-0-of-2-000003.parquet.0a1b.tmp"),
            Path.Combine(folder, "trials", ".shard-0-of-2.parquet.0a1b.tmp"),
            Path.Combine(folder, ".manifest-0-of-2.json.0a1b.tmp")];
        foreach (var f in others.Concat(own)) File.WriteAllText(f, "half a write");
        _ = new ParquetResultSink(folder, Sweep, Identity, new Shard(0, 2), resume: false);
        Assert.IsTrue(others.All(File.Exists), "another shard's write in progress survives");
        Assert.IsFalse(own.Any(File.Exists), "this shard's leftovers are gone");
        for (int k = 0; k < 2; k++) RunShard(folder, new Shard(k, 2));
        PartMerger.Merge(folder);
        Assert.IsTrue(others.Where(f => !f.Contains("-1-of-2", StringComparison.Ordinal)).All(File.Exists),
            "merge leaves temporary files alone too (a shard may still be writing one); shard 1's own went when shard 1 ran");
    }
}
