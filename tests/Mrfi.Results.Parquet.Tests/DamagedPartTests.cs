using Mrfi.Core;
using Mrfi.Core.Campaigns;

namespace Mrfi.Results.Parquet.Tests;

[TestClass]
public sealed class DamagedPartTests
{
    private static string Folder(out string[] parts)
    {
        string folder = Repo.TempFolder("damaged");
        var identity = new CampaignIdentity("abc", 42, 3, ["ber"]);
        var sink = new ParquetResultSink(folder, ["ber"], identity, null, resume: false);
        for (int t = 0; t < 3; t++)
        {
            var record = new TrialRecord(t, 0, t, 1000 + t, new Dictionary<string, double> { ["ber"] = 1e-3 }, 0.5, 0.9, 0.9, 500, 1000, 3,
                7, 0.25, DateTime.UtcNow);
            sink.AddTrial(record, [new ObserverRecord(t, "fc3", "after", "RMSE", "rmse", 0.1 * t)], []);
        }
        parts = [.. Directory.GetFiles(folder, "part-000002.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        return folder;
    }

    [TestMethod]
    [DataRow("trials", "empty")]
    [DataRow("trials", "partial")]
    [DataRow("trials", "corrupt")]
    [DataRow("observers", "empty")]
    [DataRow("observers", "partial")]
    public void A_damaged_part_file_is_reported_by_name_never_read_silently(string table, string damage)
    {
        string folder = Folder(out var parts);
        string victim = parts.Single(p => Path.GetFileName(Path.GetDirectoryName(p)) == table);
        byte[] bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, damage switch
        {
            "empty" => [],
            // A write killed half-way: the footer (and its PAR1 magic) is missing.
            "partial" => bytes[..(bytes.Length / 2)],
            _ => [.. bytes.Select((b, i) => i > 8 && i < bytes.Length - 16 ? (byte)~b : b)],
        });
        var e = Assert.ThrowsExactly<MrfiException>(() =>
            new ParquetResultSink(folder, ["ber"], new CampaignIdentity("abc", 42, 3, ["ber"]), null, resume: true));
        StringAssert.Contains(e.Message, Path.GetFileName(victim));
        StringAssert.Contains(e.Message, "incomplete or corrupt");
    }

    [TestMethod]
    public void Undamaged_parts_resume_with_every_finished_trial()
    {
        string folder = Folder(out _);
        var sink = new ParquetResultSink(folder, ["ber"], new CampaignIdentity("abc", 42, 3, ["ber"]), null, resume: true);
        CollectionAssert.AreEquivalent(new long[] { 0, 1, 2 }, sink.Finished.ToArray());
        Assert.AreEqual(0.5, sink.FinishedTrials[1].Accuracy);
    }
}
