namespace Mrfi.Report.Tests;

[TestClass]
public sealed class BadInputTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("report-bad");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private static string Error(string folder) =>
        Assert.ThrowsExactly<ReportException>(() => ReportBuilder.Build(folder, Path.Combine(Path.GetTempPath(), "mrfi-tests", "unused")))
            .Message;

    [TestMethod]
    public void A_missing_folder_is_named()
    {
        string missing = Path.Combine(_folder, "nope");
        Assert.AreEqual($"error: {missing} does not exist", Error(missing));
    }

    [TestMethod]
    public void A_folder_without_results_says_what_it_lacks()
    {
        StringAssert.Contains(Error(_folder), "holds no results (neither trials.parquet nor a trials/ dataset)");
    }

    [TestMethod]
    public void A_damaged_part_file_is_named_and_not_skipped()
    {
        new FakeResults().Sweep("ber", 1e-4, 1e-2).Write(_folder, shards: 2);
        string part = Directory.GetFiles(Path.Combine(_folder, "trials")).Order(StringComparer.Ordinal).ElementAt(2);
        var bytes = File.ReadAllBytes(part);
        File.WriteAllBytes(part, bytes[..(bytes.Length / 2)]);
        string message = Error(_folder);
        StringAssert.StartsWith(message, $"error: {part} cannot be read");
        StringAssert.Contains(message, "incomplete or damaged");
    }

    [TestMethod]
    public void A_trial_in_two_part_files_is_refused()
    {
        new FakeResults().Sweep("ber", 1e-4, 1e-2).Write(_folder, shards: 2);
        string part = Directory.GetFiles(Path.Combine(_folder, "trials"), "part-0-of-2-*.parquet").Order(StringComparer.Ordinal).First();
        File.Copy(part, Path.Combine(_folder, "trials", "part-0-of-3-000099.parquet"));
        StringAssert.Contains(Error(_folder), "appear in more than one part file");
    }

    [TestMethod]
    public void A_parquet_file_that_is_not_a_trials_table_is_refused()
    {
        new FakeResults().Sweep("ber", 1e-4).Write(_folder);
        File.Copy(Path.Combine(_folder, "observers.parquet"), Path.Combine(_folder, "trials.parquet"), overwrite: true);
        StringAssert.Contains(Error(_folder), "it is not an mrfi trials table");
    }
}
