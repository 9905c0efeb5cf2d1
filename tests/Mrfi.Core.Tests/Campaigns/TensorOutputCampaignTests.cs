using System.Globalization;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Serilog;
using TorchSharp;

namespace Mrfi.Core.Tests.Campaigns;

[TestClass]
public sealed class TensorOutputCampaignTests
{
    // Zeroes (or sets) element 0 of fc3's output — class 0 of the first sample of every batch of 50.
    private static string Config(string errorModel, string model) =>
        ConfigFixture.Model + model + ConfigFixture.Data + ConfigFixture.Run +
        $"[[fault_inject]]\nname = \"z\"\ntarget = \"activation_out\"\nmodule_name = \"fc3\"\n" +
        $"selector = {{ method = \"FixPosition\", position = 0 }}\nerror_model = {errorModel}\n\n";

    private static (TrialRecord Trial, float[,] Golden) Run(string toml)
    {
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(toml)));
        using var model = plan.Model;
        using var data = CampaignRunner.LoadData(plan);
        float[,] golden;
        using (torch.no_grad())
        using (var output = model.call(data.Images))
        {
            golden = new float[output.shape[0], output.shape[1]];
            var flat = output.data<float>().ToArray();
            for (int i = 0; i < golden.GetLength(0); i++)
                for (int j = 0; j < golden.GetLength(1); j++) golden[i, j] = flat[i * golden.GetLength(1) + j];
        }
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger()).Run(plan, data, sink, new SilentProgress());
        return (sink.Trials.Single(), golden);
    }

    /// <summary>|g[i, 0]| / max_j |g[i, j]| for the samples whose logit 0 the fault zeroes.</summary>
    private static double[] Deviations(float[,] g) =>
        [.. new[] { 0, 50, 100, 150 }.Select(i => Math.Abs((double)g[i, 0]) / Enumerable.Range(0, 10).Max(j => Math.Abs((double)g[i, j])))];

    [TestMethod]
    public void LeNet_logits_as_a_tensor_output_match_a_hand_count_from_the_golden_logits()
    {
        // A first run finds the deviations, then the tolerance is put between the second and third smallest.
        var (_, golden) = Run(Config("{ method = \"SetZero\" }", "output = \"tensor\"\n"));
        var deviations = Deviations(golden).Order().ToArray();
        double tolerance = (deviations[1] + deviations[2]) / 2;
        var (trial, _) = Run(Config("{ method = \"SetZero\" }",
            $"output = \"tensor\"\ntolerance = {tolerance.ToString("R", CultureInfo.InvariantCulture)}\n"));
        Assert.AreEqual("tensor", trial.Output);
        Assert.AreEqual(200L, trial.Total);
        Assert.AreEqual(196L, trial.Masked, "the other 196 samples are untouched");
        Assert.AreEqual(2L, trial.Sdc);
        Assert.AreEqual(2L, trial.Tolerable);
        Assert.AreEqual(0L, trial.Due);
        Assert.AreEqual(4L, trial.Changed);
        Assert.IsTrue(double.IsNaN(trial.Accuracy) && double.IsNaN(trial.GoldenAccuracy) && double.IsNaN(trial.FloatAccuracy),
            "no accuracy for a tensor output");
        Assert.AreEqual(0L, trial.CriticalSdc);
        double squares = new[] { 0, 50, 100, 150 }.Sum(i => (double)golden[i, 0] * golden[i, 0]);
        Assert.AreEqual(Math.Sqrt(squares / (200 * 10)), trial.Rmse, 1e-9);
        Assert.AreEqual(deviations[3], trial.MaxDeviation, 1e-9);
    }

    [TestMethod]
    public void An_infinite_logit_is_a_due_and_leaves_the_rmse_to_the_finite_samples()
    {
        var (trial, _) = Run(Config("{ method = \"SetValue\", value = inf }", "output = \"tensor\"\n"));
        Assert.AreEqual(4L, trial.Due);
        Assert.AreEqual(196L, trial.Masked);
        Assert.AreEqual(0.0, trial.Rmse);
        Assert.AreEqual(0.0, trial.MaxDeviation);
    }

    [TestMethod]
    public void By_default_LeNet_logits_with_labels_are_scored_as_classes()
    {
        var (trial, golden) = Run(Config("{ method = \"SetZero\" }", ""));
        Assert.AreEqual("classes", trial.Output);
        Assert.IsFalse(double.IsNaN(trial.Accuracy));
        Assert.AreEqual(trial.Total, trial.Masked + trial.Tolerable + trial.Sdc + trial.Due);
        double squares = new[] { 0, 50, 100, 150 }.Sum(i => (double)golden[i, 0] * golden[i, 0]);
        Assert.AreEqual(Math.Sqrt(squares / (200 * 10)), trial.Rmse, 1e-9, "the RMSE column is filled for classifiers too");
    }
}
