using System.Text.RegularExpressions;

namespace Mrfi.Report.Tests;

/// <summary>The Run table of report.html: the manifest's measured numbers are rounded, and the time ratio says what it divides.</summary>
[TestClass]
public sealed partial class RunTableTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("report-run-table");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("<tr><td class=\"k\">([a-z_]+)</td><td class=\"k\">(.*?)</td></tr>")]
    private static partial Regex Row();

    private Dictionary<string, string> RunTable()
    {
        string results = new FakeResults().Sweep("ber", 1e-4, 1e-3).Write(Path.Combine(_folder, "results"));
        // Numbers as a run writes them: doubles with binary rounding in full.
        File.WriteAllText(Path.Combine(results, "manifest.json"), """
            { "tool": "mrfi", "tool_version": "0.1.0", "model": "FakeNet", "status": "complete", "seed": 2024, "samples_per_trial": 1000,
              "float_accuracy": 0.8849999999999999, "trials_per_second": 9.948680725346373, "seconds_per_trial": 0.08103562666666668,
              "golden_seconds_per_pass": 0.0415565, "overhead_over_golden": 1.9500108687369406, "sweep": ["ber"] }
            """);
        var output = ReportBuilder.Build(results, Path.Combine(_folder, "report"));
        return Row().Matches(File.ReadAllText(output.Html!))
            .ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    [TestMethod]
    public void Measured_numbers_show_four_significant_digits_and_integers_stay_whole()
    {
        var run = RunTable();
        Assert.AreEqual("0.885", run["float_accuracy"]);
        Assert.AreEqual("9.949", run["trials_per_second"]);
        Assert.AreEqual("0.08104", run["seconds_per_trial"]);
        Assert.AreEqual("0.04156", run["golden_seconds_per_pass"]);
        Assert.AreEqual("2024", run["seed"]);
        Assert.AreEqual("1000", run["samples_per_trial"]);
    }

    [TestMethod]
    public void Overhead_over_golden_says_it_is_faulty_time_over_golden_time_per_pass_over_the_samples()
    {
        string overhead = RunTable()["overhead_over_golden"];
        StringAssert.StartsWith(overhead, "1.95 = seconds_per_trial / golden_seconds_per_pass");
        StringAssert.Contains(overhead, "1.95 times as long as a golden pass");
        StringAssert.Contains(overhead, "one pass over 1000 samples");
    }

    [TestMethod]
    public void Significant_rounds_binary_noise_away_and_writes_tiny_values_with_an_exponent()
    {
        Assert.AreEqual("0.885", Format.Significant(0.8849999999999999));
        Assert.AreEqual("3", Format.Significant(3.0));
        Assert.AreEqual("1.2e-5", Format.Significant(1.2e-5));
        Assert.AreEqual("1235", Format.Significant(1234.5678));
        Assert.AreEqual("NaN", Format.Significant(double.NaN));
    }
}
