using System.Globalization;
using System.Text.RegularExpressions;

namespace Mrfi.Report.Tests;

/// <summary>The key numbers in report.html and the console summary against DuckDB's own reading of the Parquet files.</summary>
[TestClass]
public sealed partial class NumbersTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("report-numbers");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private static FakeResults Campaign() => new FakeResults
    {
        Accuracy = (v, r) => 0.9 - 40 * (double)v["ber"] * ((string)v["format"] == "int8" ? 1 : 2) - 0.013 * r * r,
    }.Sweep("format", "int8", "float16").Sweep("ber", 1e-4, 1e-3, 1e-2);

    [GeneratedRegex("<table id=\"points\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex PointsTable();

    [GeneratedRegex(@"^(\S+) \((\S+)–(\S+)\)$")]
    private static partial Regex RateCell();

    [GeneratedRegex("<td>(.*?)</td>")]
    private static partial Regex Cell();

    private static List<List<string>> HtmlRows(string html) =>
        [.. PointsTable().Match(html).Groups[1].Value.Split("</tr>", StringSplitOptions.RemoveEmptyEntries)
            .Where(r => r.Contains("<td>", StringComparison.Ordinal))
            .Select(r => Cell().Matches(r).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList())];

    [TestMethod]
    public void Html_table_numbers_equal_duckdb_aggregates_of_the_trials()
    {
        string results = Campaign().Write(Path.Combine(_folder, "results"));
        var output = ReportBuilder.Build(results, Path.Combine(_folder, "report"));
        var rows = HtmlRows(File.ReadAllText(output.Html!));
        var expected = DuckDb.Query($"""
            SELECT point, any_value(format), any_value(ber), count(*), sum(total)::BIGINT, avg(accuracy), stddev_samp(accuracy), any_value(golden_accuracy),
                   avg(faults), avg(changed),
                   avg(sdc / total), stddev_samp(sdc / total), avg(critical_sdc / total), stddev_samp(critical_sdc / total),
                   avg(due / total), stddev_samp(due / total), avg(masked / total), stddev_samp(masked / total)
            FROM read_parquet('{results}/trials.parquet') GROUP BY point ORDER BY point
            """);
        Assert.HasCount(6, rows);
        for (int i = 0; i < rows.Count; i++)
        {
            var (r, e) = (rows[i], expected[i]);
            Assert.AreEqual(Convert.ToInt64(e[0], CultureInfo.InvariantCulture), long.Parse(r[0], CultureInfo.InvariantCulture));
            Assert.AreEqual((string)e[1]!, r[1]);
            Assert.AreEqual((double)e[2]!, double.Parse(r[2], CultureInfo.InvariantCulture), 1e-12);
            Assert.AreEqual(Convert.ToInt64(e[3], CultureInfo.InvariantCulture), long.Parse(r[3], CultureInfo.InvariantCulture));
            Assert.AreEqual(Convert.ToDouble(e[4], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture));
            double mean = (double)e[5]!, half = 4.303 * (double)e[6]! / Math.Sqrt(3);   // t(0.975, 2 df)
            AssertPercent(mean, r[5]);
            AssertPercent(mean - half, r[6]);
            AssertPercent(mean + half, r[7]);
            AssertPercent((double)e[7]!, r[8]);
            Assert.AreEqual((double)e[8]!, double.Parse(r[9], CultureInfo.InvariantCulture), 0.005);
            Assert.AreEqual((double)e[9]!, double.Parse(r[10], CultureInfo.InvariantCulture), 0.005);
            for (int k = 0; k < 4; k++)
            {
                // Rates: mean over the trials, t-interval across them clipped to [0, 1]: "value (low–high)".
                double rate = Convert.ToDouble(e[10 + 2 * k], CultureInfo.InvariantCulture),
                rateHalf = 4.303 * Convert.ToDouble(e[11 + 2 * k], CultureInfo.InvariantCulture) / Math.Sqrt(3);
                var m = RateCell().Match(r[11 + k]);
                Assert.IsTrue(m.Success, $"rate cell {r[11 + k]}");
                AssertPercent(rate, m.Groups[1].Value);
                AssertPercent(Math.Max(0, rate - rateHalf), m.Groups[2].Value);
                AssertPercent(Math.Min(1, rate + rateHalf), m.Groups[3].Value);
            }
        }
    }

    [TestMethod]
    public void Console_summary_rows_repeat_the_html_cells()
    {
        var output = ReportBuilder.Build(Campaign().Write(Path.Combine(_folder, "results")), Path.Combine(_folder, "report"));
        var html = HtmlRows(File.ReadAllText(output.Html!));
        foreach (var row in html)
        {
            string expected = string.Join(" ", row);
            Assert.IsTrue(output.Summary.Any(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries)) == expected),
                $"no console line reads: {expected}\n{string.Join("\n", output.Summary)}");
        }
    }

    [TestMethod]
    public void A_scripts_runs_all_at_point_0_are_told_apart_by_their_tag_values()
    {
        var fake = new FakeResults { Accuracy = (v, r) => 0.9 - 0.05 * (double)v["bit"] }.Sweep("bit", 0, 1, 2, 3, 4, 5, 6, 7);
        var output = ReportBuilder.Build(fake.Write(Path.Combine(_folder, "results"), pointZero: true), Path.Combine(_folder, "report"));
        var rows = HtmlRows(File.ReadAllText(output.Html!));
        Assert.HasCount(8, rows);
        for (int bit = 0; bit < 8; bit++)
        {
            Assert.AreEqual(bit.ToString(CultureInfo.InvariantCulture), rows[bit][1]);
            AssertPercent(0.9 - 0.05 * bit, rows[bit][5]);
        }
    }

    [TestMethod]
    public void Shard_part_files_give_the_same_numbers_as_the_merged_tables_and_say_they_are_unmerged()
    {
        var merged = ReportBuilder.Build(Campaign().Write(Path.Combine(_folder, "merged")), Path.Combine(_folder, "report-merged"));
        var parts = ReportBuilder.Build(Campaign().Write(Path.Combine(_folder, "parts"), shards: 2), Path.Combine(_folder, "report-parts"));
        Assert.IsNotEmpty(Directory.GetFiles(Path.Combine(_folder, "parts", "trials"), "part-1-of-2-*.parquet"));
        Assert.IsFalse(File.Exists(Path.Combine(_folder, "parts", "trials.parquet")));
        CollectionAssert.AreEqual(HtmlRows(File.ReadAllText(merged.Html!)).SelectMany(r => r).ToList(),
            HtmlRows(File.ReadAllText(parts.Html!)).SelectMany(r => r).ToList());
        Assert.IsTrue(parts.Summary.Any(l =>
            l.Contains("18 file(s) of the trials/ dataset; the folder is not merged", StringComparison.Ordinal)),
                string.Join("\n", parts.Summary));
        CollectionAssert.AreEqual(merged.Figures.Select(Path.GetFileName).ToList(), parts.Figures.Select(Path.GetFileName).ToList());
    }

    [TestMethod]
    public void A_folder_with_part_of_the_campaigns_trials_says_how_many_are_there()
    {
        string results = Campaign().Write(Path.Combine(_folder, "results"), shards: 2);
        File.WriteAllText(Path.Combine(results, "campaign.json"),
            """{ "ConfigSha256": "x", "Seed": 1, "Trials": 40, "Sweep": ["format", "ber"] }""");
        var output = ReportBuilder.Build(results, Path.Combine(_folder, "report"));
        CollectionAssert.Contains(output.Summary.ToList(),
            "note: 18 of the campaign's 40 trials are present (campaign.json); the figures show those");
    }

    /// <summary>The cell is the percentage rounded to two decimals (half a unit of the last digit, whichever way a tie rounds).</summary>
    private static void AssertPercent(double fraction, string cell) =>
        Assert.AreEqual(100 * fraction, double.Parse(cell, CultureInfo.InvariantCulture), 0.005 + 1e-9, $"cell {cell} for {fraction}");
}