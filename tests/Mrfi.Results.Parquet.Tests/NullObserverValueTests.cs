using Mrfi.Core.Campaigns;

namespace Mrfi.Results.Parquet.Tests;

/// <summary>A module that never ran has null observer values (docs/results.md): they stay null through part files, resume,
/// shard merges and the merged table, and DuckDB reads them as NULL.</summary>
[TestClass]
public sealed class NullObserverValueTests
{
    private static readonly string[] Sweep = ["ber"];

    private static TrialRecord Trial(int t) =>
        new(t, 0, t, 1000 + t, new Dictionary<string, double> { ["ber"] = 1e-3 }, 0.5, 0.9, 0.9, 500, 1000, 3, 7, 0.25, DateTime.UtcNow);

    /// <summary>fc ran (min = -t); spare never did (min and a Shape row without a value).</summary>
    private static ObserverRecord[] Rows(int t) =>
    [
        new(t, "fc", "after", "MinMax", "min", -t),
        new(t, "spare", "after", "MinMax", "min", null),
        new(t, "spare", "after", "Shape", "size", null),
    ];

    private static CampaignSummary Summary(string folder, int trials) =>
        new(Path.Combine(folder, "mrfi.toml"), "", 42, "Net", null, [], Sweep, trials, 1000, 0.9, "cpu", 2, DateTime.UtcNow,
            DateTime.UtcNow);

    private static void AssertNulls(string observers, int trials)
    {
        Assert.AreEqual("DOUBLE", DuckDb.Schema(observers)["value"]);
        var rows = DuckDb.Query($"SELECT layer, count(*), count(value), min(value) FROM read_parquet('{observers}') GROUP BY layer ORDER " +
            $"BY layer");
        CollectionAssert.AreEqual(new object?[] { "fc", (long)trials, (long)trials, -(trials - 1.0) }, rows[0]);
        CollectionAssert.AreEqual(new object?[] { "spare", 2L * trials, 0L, null }, rows[1], "every spare row is NULL, none a number");
    }

    [TestMethod]
    public void Null_values_survive_part_files_and_resume_into_the_merged_table()
    {
        string folder = Repo.TempFolder("null-resume");
        var identity = new CampaignIdentity("abc", 42, 3, Sweep);
        var first = new ParquetResultSink(folder, Sweep, identity, null, resume: false);
        first.AddTrial(Trial(0), Rows(0), []);
        first.AddTrial(Trial(1), Rows(1), []);
        // Interrupted here: the parts are what a reader sees.
        AssertNulls(Path.Combine(folder, "observers", "part-*.parquet"), 2);
        var resumed = new ParquetResultSink(folder, Sweep, identity, null, resume: true);
        resumed.AddTrial(Trial(2), Rows(2), []);
        resumed.Complete(Summary(folder, 3));
        AssertNulls(resumed.ObserversPath, 3);
    }

    [TestMethod]
    public void Null_values_survive_a_shard_merge()
    {
        string folder = Repo.TempFolder("null-shards");
        var identity = new CampaignIdentity("abc", 42, 4, Sweep);
        for (int shard = 0; shard < 2; shard++)
        {
            var sink = new ParquetResultSink(folder, Sweep, identity, new Shard(shard, 2), resume: false);
            for (int t = shard; t < 4; t += 2) sink.AddTrial(Trial(t), Rows(t), []);
        }
        Assert.AreEqual((4, 12), PartMerger.Merge(folder));
        AssertNulls(Path.Combine(folder, "observers.parquet"), 4);
    }

    [TestMethod]
    public void Parts_written_before_values_could_be_null_still_resume()
    {
        string folder = Repo.TempFolder("null-old-parts");
        var identity = new CampaignIdentity("abc", 42, 2, Sweep);
        var first = new ParquetResultSink(folder, Sweep, identity, null, resume: false);
        first.AddTrial(Trial(0), [new(0, "fc", "after", "MinMax", "min", -0.5)], []);
        // The layout of earlier versions: a required (non-nullable) double.
        string part = Directory.GetFiles(Path.Combine(folder, "observers"), "part-*.parquet").Single();
        new ColumnSet<ObserverRecord>(declared: null)
            .Long("trial", o => o.Trial).String("layer", o => o.Layer).String("position", o => o.Position)
            .String("observer", o => o.Observer).String("metric", o => o.Metric).NullableLong("index", o => o.Index)
            .Double("value", o => o.Value!.Value)
            .WriteAsync(part, [new(0, "fc", "after", "MinMax", "min", -0.5)]).GetAwaiter().GetResult();
        var resumed = new ParquetResultSink(folder, Sweep, identity, null, resume: true);
        resumed.AddTrial(Trial(1), [new(1, "fc", "after", "MinMax", "min", null)], []);
        resumed.Complete(Summary(folder, 2));
        var rows = DuckDb.Query($"SELECT trial, value FROM read_parquet('{resumed.ObserversPath}') ORDER BY trial");
        CollectionAssert.AreEqual(new object?[] { 0L, -0.5 }, rows[0]);
        CollectionAssert.AreEqual(new object?[] { 1L, null }, rows[1]);
    }
}
