using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;

namespace Mrfi.Results.Parquet.Tests;

[TestClass]
public sealed class TextSweepColumnTests
{
    private static readonly string[] Formats = ["float16", "int8", "fxp3.13"];

    private static TrialRecord Trial(int t) => new(t, t, 0, 1000 + t,
        new SweepValues([new("format", Formats[t]), new("ber", 1e-4)]), 0.5 + t / 10.0, 0.9, 0.9, 500, 1000, 3, 7, 0.25, DateTime.UtcNow);

    private static CampaignSummary Summary(string folder, int trials) =>
        new(Path.Combine(folder, "mrfi.toml"), "", 42, "LeNet", null, [], ["format", "ber"], trials, 1000, 0.9, "cpu", 2, DateTime.UtcNow,
            DateTime.UtcNow);

    [TestMethod]
    public void Text_variables_are_string_columns_that_duckdb_reads_in_trials_and_points()
    {
        string folder = Repo.TempFolder("text-sweep");
        var sink = new ParquetResultSink(folder, ["format", "ber"]);
        for (int t = 0; t < 3; t++) sink.AddTrial(Trial(t), [], []);
        sink.Complete(Summary(folder, 3));
        Assert.AreEqual("VARCHAR", DuckDb.Schema(sink.TrialsPath)["format"]);
        Assert.AreEqual("DOUBLE", DuckDb.Schema(sink.TrialsPath)["ber"]);
        var rows = DuckDb.Query($"SELECT format, ber, accuracy FROM read_parquet('{sink.TrialsPath}') ORDER BY trial");
        CollectionAssert.AreEqual(Formats, rows.Select(r => (string)r[0]!).ToArray());
        Assert.AreEqual(1e-4, (double)rows[1][1]!);
        var points = DuckDb.Query($"SELECT format, accuracy_mean FROM read_parquet('{Path.Combine(folder, "points.parquet")}') WHERE " +
            $"format = 'fxp3.13'");
        Assert.AreEqual(0.7, (double)points.Single()[1]!, 1e-12);
    }

    [TestMethod]
    public void A_resumed_campaign_reads_its_text_columns_back()
    {
        string folder = Repo.TempFolder("text-resume");
        var identity = new CampaignIdentity("abc", 42, 3, ["format", "ber"]);
        var first = new ParquetResultSink(folder, ["format", "ber"], identity, null, resume: false);
        first.AddTrial(Trial(0), [], []);
        first.AddTrial(Trial(1), [], []);
        // Interrupted: the two finished trials stay as part files.
        var resumed = new ParquetResultSink(folder, ["format", "ber"], identity, null, resume: true);
        CollectionAssert.AreEquivalent(new long[] { 0, 1 }, resumed.Finished.ToArray());
        resumed.AddTrial(Trial(2), [], []);
        resumed.Complete(Summary(folder, 3));
        var rows = DuckDb.Query($"SELECT trial, format FROM read_parquet('{resumed.TrialsPath}') ORDER BY trial");
        CollectionAssert.AreEqual(Formats, rows.Select(r => (string)r[1]!).ToArray());
    }
}
