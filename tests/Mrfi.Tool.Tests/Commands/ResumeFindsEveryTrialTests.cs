namespace Mrfi.Tool.Tests.Commands;

/// <summary>`run --resume` keeps every finished trial in the folder, whichever shard wrote it, and a folder of another
/// campaign says what differs.</summary>
[TestClass]
public sealed class ResumeFindsEveryTrialTests
{
    private const string Columns =
        "trial, point, repeat, seed, ber, accuracy, golden_accuracy, correct, total, changed, faults, masked, sdc, due";

    private static List<object?[]> Rows(string path, string columns = Columns) =>
        DuckDb.Query($"SELECT {columns} FROM read_parquet('{path}') ORDER BY trial");

    [TestMethod]
    public void Resuming_a_folder_with_a_finished_shard_runs_only_the_other_trials_and_merges_all()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.GetDirectoryName(config)!, shared = Path.Combine(folder, "shared");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", shared, "--shard", "0/2").ExitCode);
        string shardFile = Path.Combine(shared, "trials", "shard-0-of-2.parquet");
        var before = Rows(shardFile, "trial, finished_at");
        CollectionAssert.AreEqual(new long[] { 0, 2 }, before.Select(r => (long)r[0]!).ToArray());

        var resumed = Cli.Run("run", config, "--resume", shared);
        Assert.AreEqual(0, resumed.ExitCode, resumed.Output);
        StringAssert.Contains(resumed.Output, "Resuming: 2 trial(s) already finished");
        StringAssert.Contains(resumed.Output, "done 2 trials", "only the trials of shard 1 run");
        // The shard's trials were kept, not run again: the same rows with the same finishing times.
        var after = Rows(Path.Combine(shared, "trials.parquet"), "trial, finished_at");
        CollectionAssert.AreEqual(before.SelectMany(r => r).ToList(), after.Where(r => (long)r[0]! % 2 == 0).SelectMany(r => r).ToList());
        Assert.IsFalse(Directory.Exists(Path.Combine(shared, "trials")), "the adopted shard file is merged away");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", Path.Combine(folder, "single")).ExitCode);
        CollectionAssert.AreEqual(Rows(Path.Combine(folder, "single", "trials.parquet")).SelectMany(r => r).ToList(),
            Rows(Path.Combine(shared, "trials.parquet")).SelectMany(r => r).ToList());
        Assert.AreEqual(2L, DuckDb.Query($"SELECT count(*) FROM read_parquet('{shared}/points.parquet')")[0][0]);
    }

    [TestMethod]
    public void A_shard_of_another_count_skips_the_trials_that_other_shards_finished()
    {
        string config = Cli.Config(Cli.Small);
        string shared = Path.Combine(Path.GetDirectoryName(config)!, "shared");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", shared, "--shard", "0/2").ExitCode);
        // Shard 0 of 3 owns trials 0 and 3; trial 0 is already in shard-0-of-2.parquet.
        var third = Cli.Run("run", config, "--out", shared, "--shard", "0/3");
        Assert.AreEqual(0, third.ExitCode, third.Output);
        CollectionAssert.AreEqual(new long[] { 3 },
            Rows(Path.Combine(shared, "trials", "shard-0-of-3.parquet"), "trial").Select(r => (long)r[0]!).ToArray());
        Assert.AreEqual(0, Cli.Run("run", config, "--out", shared, "--shard", "1/3").ExitCode);
        var merge = Cli.Run("merge", shared);
        Assert.AreEqual(0, merge.ExitCode, merge.Output);
    }

    [TestMethod]
    public void Resuming_a_folder_of_another_campaign_names_the_seed_and_the_keys_that_differ()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "out");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", folder, "--shard", "0/2").ExitCode);
        string other = Cli.Config(Cli.Small.Replace("seed = 5", "seed = 6", StringComparison.Ordinal)
            .Replace("ber = [1e-5, 1e-2]", "ber = [1e-5, 1e-3]", StringComparison.Ordinal));
        var result = Cli.Run("run", other, "--resume", folder);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "holds results of another campaign");
        StringAssert.Contains(result.Output, "keys that differ: run.seed, sweep.ber");
        StringAssert.Contains(result.Output, "seed 5 in the folder, 6 now");
        Assert.IsFalse(result.Output.Contains("   at ", StringComparison.Ordinal), result.Output);
    }
}
