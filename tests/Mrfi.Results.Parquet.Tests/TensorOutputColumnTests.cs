using System.Text.Json;
using Mrfi.Core.Campaigns;

namespace Mrfi.Results.Parquet.Tests;

/// <summary>Trials of a model without class scores ([model] output = "tensor"): accuracy-like columns are NaN, the new
/// output / rmse / max_deviation columns survive part files and resume, and manifest.json holds null for the float accuracy.</summary>
[TestClass]
public sealed class TensorOutputColumnTests
{
    private static readonly string[] Sweep = ["ber"];

    private static TrialRecord Trial(int t, bool tensor) =>
        new(t, 0, t, 1000 + t, new Dictionary<string, double> { ["ber"] = 1e-3 }, tensor ? double.NaN : 0.5, tensor ? double.NaN : 0.9,
            tensor ? double.NaN : 0.9,
            tensor ? 0 : 500, 1000, 30, 7, 0.25, DateTime.UtcNow)
        {
            Masked = 960, Tolerable = 20, Sdc = 15, Due = 5, CriticalSdc = tensor ? 0 : 4, Output = tensor ? "tensor" : "classes",
            Rmse = 0.125 * (t + 1), MaxDeviation = 0.5,
        };

    [TestMethod]
    public void Tensor_trials_have_nan_accuracy_columns_and_keep_their_rmse_through_resume()
    {
        string folder = Repo.TempFolder("tensor-output");
        var identity = new CampaignIdentity("abc", 42, 2, Sweep);
        var first = new ParquetResultSink(folder, Sweep, identity, null, resume: false);
        first.AddTrial(Trial(0, tensor: true), [], []);
        var resumed = new ParquetResultSink(folder, Sweep, identity, null, resume: true);
        resumed.AddTrial(Trial(1, tensor: true), [], []);
        resumed.Complete(new CampaignSummary(Path.Combine(folder, "mrfi.toml"), "", 42, "Net", null, [], Sweep, 2, 1000, double.NaN, "cpu",
            2, DateTime.UtcNow, DateTime.UtcNow));
        var rows = DuckDb.Query($"SELECT output, rmse, max_deviation, isnan(accuracy), isnan(accuracy_low), isnan(top5_accuracy_high), " +
            $"isnan(critical_sdc_rate), sdc_rate, masked_rate FROM read_parquet('{resumed.TrialsPath}') ORDER BY trial");
        CollectionAssert.AreEqual(new object?[] { "tensor", 0.125, 0.5, true, true, true, true, 0.015, 0.96 }, rows[0]);
        Assert.AreEqual(0.25, rows[1][1], "the resumed run read trial 0's rmse back and wrote trial 1's");
        var points = DuckDb.Query($"SELECT isnan(accuracy_mean), isnan(critical_sdc_rate), sdc_rate FROM " +
            $"read_parquet('{resumed.PointsPath}')");
        CollectionAssert.AreEqual(new object?[] { true, true, 0.015 }, points[0]);
        using var manifest = JsonDocument.Parse(File.ReadAllText(resumed.ManifestPath));
        Assert.AreEqual(JsonValueKind.Null, manifest.RootElement.GetProperty("float_accuracy").ValueKind);
    }

    [TestMethod]
    public void Output_rmse_is_a_list_per_trial_in_output_order_that_survives_resume_and_names_its_outputs_in_the_manifest()
    {
        string folder = Repo.TempFolder("output-rmse");
        var identity = new CampaignIdentity("abc", 42, 3, Sweep);
        var first = new ParquetResultSink(folder, Sweep, identity, null, resume: false);
        first.AddTrial(Trial(0, tensor: true) with { OutputRmse = [0.5, 1e-7, double.NaN] }, [], []);
        first.AddTrial(Trial(1, tensor: true) with { OutputRmse = [0.25, 2.0, 3.0] }, [], []);
        var resumed = new ParquetResultSink(folder, Sweep, identity, null, resume: true);
        resumed.AddTrial(Trial(2, tensor: false), [], []);   // one output, no list given: its rmse alone
        resumed.Complete(new CampaignSummary(Path.Combine(folder, "mrfi.toml"), "", 42, "Net", null, [], Sweep, 3, 1000, double.NaN, "cpu",
            2, DateTime.UtcNow, DateTime.UtcNow)
        {
            OutputNames = ["boxes", "scores", "ids"],
        });
        var rows = DuckDb.Query($"SELECT len(output_rmse), output_rmse[1], output_rmse[2], isnan(output_rmse[3]) FROM " +
            $"read_parquet('{resumed.TrialsPath}') ORDER BY trial");
        CollectionAssert.AreEqual(new object?[] { 3L, 0.5, 1e-7, true }, rows[0].Select(v => v is int i ? (long)i : v).ToArray(),
            "trial 0, read back on resume and written again");
        CollectionAssert.AreEqual(new object?[] { 3L, 0.25, 2.0, false }, rows[1].Select(v => v is int i ? (long)i : v).ToArray());
        var single = DuckDb.Query($"SELECT len(output_rmse), output_rmse[1], rmse FROM read_parquet('{resumed.TrialsPath}') WHERE trial " +
            $"= 2");
        CollectionAssert.AreEqual(new object?[] { 1L, 0.375, 0.375 }, single[0].Select(v => v is int i ? (long)i : v).ToArray());
        using var manifest = JsonDocument.Parse(File.ReadAllText(resumed.ManifestPath));
        CollectionAssert.AreEqual(new[] { "boxes", "scores", "ids" },
            manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()).ToList());
    }

    [TestMethod]
    public void Classifier_trials_keep_their_rates_and_say_classes()
    {
        var sink = new ParquetResultSink(Repo.TempFolder("classes-output"), Sweep);
        sink.AddTrial(Trial(0, tensor: false), [], []);
        sink.Complete(new CampaignSummary(Path.Combine(sink.Folder, "mrfi.toml"), "", 42, "Net", null, [], Sweep, 1, 1000, 0.9, "cpu", 2,
            DateTime.UtcNow, DateTime.UtcNow));
        var rows = DuckDb.Query($"SELECT output, accuracy, critical_sdc_rate, top5_accuracy FROM read_parquet('{sink.TrialsPath}')");
        CollectionAssert.AreEqual(new object?[] { "classes", 0.5, 0.004, 0.0 }, rows[0]);
    }
}
