using System.Globalization;
using Mrfi.Report.Figures;

namespace Mrfi.Report.Tests;

/// <summary>The report of a campaign whose outputs were compared as a tensor ([model] output = "tensor": embeddings,
/// detection heads, several outputs): no accuracy, so RMSE and SDC/DUE curves, SDC-rate bars and maps, and a key table of
/// rates and RMSE.</summary>
[TestClass]
public sealed class TensorOutputReportTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("report-tensor");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private static double Ber(IReadOnlyDictionary<string, object> v) => (double)v["ber"];

    [TestMethod]
    public void A_ber_sweep_draws_rmse_and_sdc_due_curves_and_says_why_there_is_no_accuracy_curve()
    {
        var (_, _, _, _, figures, skipped) =
            ReportBuilder.Prepare(new FakeResults { Output = "tensor" }.Sweep("ber", 1e-5, 1e-4, 1e-3).Write(_folder));
        CollectionAssert.AreEqual(new[] { FigureKind.RmseCurve, FigureKind.OutcomeCurve }, figures.Select(f => f.Kind).ToList());
        Assert.AreEqual("rmse-vs-ber.png", figures[0].File);
        Assert.AreEqual("SDC and DUE rates vs ber", figures[1].Title);
        StringAssert.Contains(skipped.Single(s => s.Kind == FigureKind.AccuracyCurve).Reason, "output = \"tensor\"");
    }

    [TestMethod]
    public void Without_a_swept_number_the_rmse_curve_is_named_among_the_figures_not_drawn()
    {
        var (_, _, _, _, figures, skipped) =
            ReportBuilder.Prepare(new FakeResults { Output = "tensor" }.Sweep("format", "int8", "float16").Write(_folder));
        Assert.IsFalse(figures.Any(f => f.Kind is FigureKind.RmseCurve or FigureKind.AccuracyCurve));
        StringAssert.Contains(skipped.Single(s => s.Kind == FigureKind.RmseCurve).Reason, "needs a swept rate");
    }

    [TestMethod]
    public void Bit_bars_show_the_sdc_rate_instead_of_the_accuracy()
    {
        var (_, _, _, _, figures, _) = ReportBuilder.Prepare(new FakeResults { Output = "tensor" }.Sweep("bit", 0, 1, 2).Write(_folder));
        var bars = figures.Single(f => f.Kind == FigureKind.BitBars);
        Assert.AreEqual("sdc-by-bit.png", bars.File);
        Assert.AreEqual("SDC rate by bit", bars.Title);
    }

    [TestMethod]
    public void Each_pixel_of_the_heat_map_is_the_mean_sdc_rate_of_its_trials()
    {
        // 100 samples per trial: sdc = 10 y + x + repeat is a rate of (10 y + x + repeat) %.
        var fake = new FakeResults { Output = "tensor", Repeats = 2,
            Sdc = (v, r) => (long)(10 * (double)v["y"] + (double)v["x"]) + r }.Sweep("x", 0, 1, 2).Sweep("y", 0, 1);
        var (results, points, _, _, figures, _) = ReportBuilder.Prepare(fake.Write(_folder));
        var heatmap = figures.Single(f => f.Kind == FigureKind.PixelHeatmap);
        Assert.AreEqual("sdc-by-pixel.png", heatmap.File);
        var grid = HeatmapFigure.Grid(heatmap, results, points);
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 3; x++) Assert.AreEqual(10 * y + x + 0.5, grid[y, x], 1e-9, $"x {x}, y {y}");
    }

    [TestMethod]
    public void The_key_table_holds_rates_and_the_mean_rmse_with_its_t_interval_over_the_trials_not_all_due()
    {
        // Repeat 0 is all DUE (NaN RMSE): the point's RMSE is over repeats 1–3.
        var fake = new FakeResults { Output = "tensor", Repeats = 4,
            Rmse = (v, r) => r == 0 ? double.NaN : 1000 * Ber(v) + 0.01 * r * r }.Sweep("ber", 1e-4, 1e-3);
        var (results, points, variables, _, _, _) = ReportBuilder.Prepare(fake.Write(_folder));
        Assert.IsFalse(results.Classifies);
        var header = KeyTable.Header(results.SweepNames, results.Classifies);
        Assert.IsFalse(header.Any(h => h.Contains("accuracy", StringComparison.Ordinal)
            || h.Contains("critical", StringComparison.Ordinal)), string.Join(", ", header));
        var rows = KeyTable.Rows(points, variables, results.Classifies);
        foreach (var (ber, row) in new[] { 1e-4, 1e-3 }.Zip(rows))
        {
            double[] rmse = [.. new[] { 1, 2, 3 }.Select(r => 1000 * ber + 0.01 * r * r)];
            // t(0.975, 2 df)
            double mean = rmse.Average(), sd = Math.Sqrt(rmse.Sum(x => (x - mean) * (x - mean)) / 2), half = 4.303 * sd / Math.Sqrt(3);
            Assert.AreEqual(mean, Cell(header, row, "RMSE"), 1e-3 * mean);
            Assert.AreEqual(mean - half, Cell(header, row, "RMSE 95 % low"), 1e-3 * mean);
            Assert.AreEqual(mean + half, Cell(header, row, "RMSE 95 % high"), 1e-3 * mean);
            Assert.AreEqual("4", row[header.ToList().IndexOf("trials")]);
            int point = ber == 1e-4 ? 0 : 1;   // trial = point × 4 + repeat
            double sdc = Enumerable.Range(0, 4).Average(r => (double)FakeResults.Outcomes(point * 4 + r, 100).Sdc) / 100;
            StringAssert.StartsWith(row[header.ToList().IndexOf("SDC %")], (100 * sdc).ToString("F2", CultureInfo.InvariantCulture) + " (");
        }
    }

    [TestMethod]
    public void A_tensor_output_campaign_renders_its_curves_and_a_summary_without_accuracy()
    {
        var fake = new FakeResults { Output = "tensor", Rmse = (v, r) => 50 * Ber(v) + 1e-3 * r }.Sweep("ber", 1e-5, 1e-4, 1e-3, 1e-2);
        var output = ReportBuilder.Build(fake.Write(Path.Combine(_folder, "results")), Path.Combine(_folder, "report"));
        CollectionAssert.AreEquivalent(new[] { "rmse-vs-ber.png", "outcomes-vs-ber.png" },
            output.Figures.Select(Path.GetFileName).ToList());
        foreach (var png in output.Figures) Assert.AreEqual((1000, 600), Png.Size(png), png);
        string summary = string.Join("\n", output.Summary);
        StringAssert.Contains(summary, "compared as a tensor");
        StringAssert.Contains(summary, "RMSE 95 % low");
        Assert.IsFalse(summary.Contains("accuracy %", StringComparison.Ordinal), summary);
        StringAssert.Contains(File.ReadAllText(output.Html!), "<th>RMSE</th>");
    }

    [TestMethod]
    public void Several_outputs_get_one_rmse_curve_each_named_from_the_manifest_with_the_mean_of_their_own_rmse()
    {
        var fake = new FakeResults { Output = "tensor", Outputs = ["boxes", "scores"],
            OutputRmse = (v, r, k) => (k == 0 ? 100 : 1) * Ber(v) * (1 + r) }
            .Sweep("ber", 1e-4, 1e-3);
        var (results, points, _, _, figures, _) = ReportBuilder.Prepare(fake.Write(Path.Combine(_folder, "results")));
        CollectionAssert.AreEqual(new[] { "boxes", "scores" }, results.Outputs.ToList());
        var groups = Group.Split(points, results.SweepNames, figures.Single(f => f.Kind == FigureKind.RmseCurve).X, []).Single().Groups;
        for (int k = 0; k < 2; k++)
            for (int p = 0; p < 2; p++)
            {
                double ber = p == 0 ? 1e-4 : 1e-3;
                Assert.AreEqual((k == 0 ? 100 : 1) * ber * 2, groups[p].FiniteElement(results.Trials, "output_rmse", k).Mean, 1e-12,
                    $"output {k}, ber {ber}: mean over repeats 0–2");
            }
        var output = ReportBuilder.Build(Path.Combine(_folder, "results"), Path.Combine(_folder, "report"));
        Assert.AreEqual((1000, 600), Png.Size(output.Figures.Single(f => f.EndsWith("rmse-vs-ber.png", StringComparison.Ordinal))));
    }

    [TestMethod]
    public void An_rmse_spanning_decades_with_masked_points_renders_on_a_log_axis()
    {
        // Exponent bit flips: 1e37 at the highest rate, 0 (all masked) at the lowest, one trial all DUE (NaN).
        var fake = new FakeResults { Output = "tensor", Outputs = ["boxes", "scores"],
            OutputRmse = (v, r, k) => Ber(v) switch { 1e-5 => 0, 1e-3 when r == 1 => double.NaN, 1e-3 => 1e37, _ => 1e-3 * (k + 1) } }
            .Sweep("ber", 1e-5, 1e-4, 1e-3);
        var output = ReportBuilder.Build(fake.Write(Path.Combine(_folder, "results")), Path.Combine(_folder, "report"));
        Assert.AreEqual((1000, 600), Png.Size(output.Figures.Single(f => f.EndsWith("rmse-vs-ber.png", StringComparison.Ordinal))));
    }

    [TestMethod]
    public void A_model_with_one_output_has_no_per_output_curves()
    {
        var (results, _, _, _, _, _) = ReportBuilder.Prepare(new FakeResults { Output = "tensor" }.Sweep("ber", 1e-4, 1e-3).Write(_folder));
        Assert.IsEmpty(results.Outputs);
    }

    private static double Cell(IReadOnlyList<string> header, IReadOnlyList<string> row, string column) =>
        double.Parse(row[header.ToList().IndexOf(column)], CultureInfo.InvariantCulture);
}
