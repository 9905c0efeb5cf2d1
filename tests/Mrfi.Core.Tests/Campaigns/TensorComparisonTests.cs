using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Campaigns;

[TestClass]
public sealed class TensorComparisonTests
{
    private static readonly ModelSection Model =
        new(new ConfigTable("model", new SourceLocation("mrfi.toml", 1, 1), []), null, new SourceLocation("mrfi.toml", 1, 1));

    [TestMethod]
    public void Each_sample_is_masked_tolerable_sdc_or_due_by_its_largest_change_over_its_largest_golden_magnitude()
    {
        // Four samples of shape [2, 2]; golden ∞-norms 4, 10, 2, 1.
        using var golden = tensor(new float[] { 1, -4, 2, 0, 10, 0, 0, 5, 2, 2, 2, 2, 1, 0, 0, 0 }).reshape(4, 2, 2);
        using var output = golden.clone();
        output[0, 0, 0] = tensor(1.1f);           // |0.1| / 4 = 0.025: tolerable at 0.05
        output[1, 1, 1] = tensor(4.0f);           // |1| / 10 = 0.1: SDC
        output[2, 0, 1] = tensor(float.NaN);      // DUE
        using var labels = full(4, -1L);
        var outcome = new TrialOutcome();
        new TensorComparison(0.05).Add(outcome, output, golden, labels);
        Assert.AreEqual(1L, outcome.Masked, "sample 3 unchanged");
        Assert.AreEqual(1L, outcome.Tolerable);
        Assert.AreEqual(1L, outcome.Sdc);
        Assert.AreEqual(1L, outcome.Due);
        Assert.AreEqual(3L, outcome.Changed, "every sample but the masked one");
        Assert.AreEqual(0L, outcome.Correct + outcome.Top5 + outcome.Critical, "no labels to be right about");
        // RMSE over the three finite samples' 12 elements: (0.1² + 1²) / 12 (computed in float64 from float32 values).
        double d0 = 1.1f - 1.0;
        Assert.AreEqual(Math.Sqrt((d0 * d0 + 1.0) / 12), outcome.Rmse, 1e-12);
        Assert.AreEqual(0.1, outcome.MaxDeviation, 1e-12);
    }

    [TestMethod]
    public void An_all_zero_golden_sample_turns_any_change_into_an_sdc()
    {
        using var golden = zeros(2, 3);
        using var output = golden.clone();
        output[1, 2] = tensor(1e-20f);
        var outcome = new TrialOutcome();
        new TensorComparison(1e6).Add(outcome, output, golden, full(2, -1L));
        Assert.AreEqual(1L, outcome.Sdc);
        Assert.AreEqual(1L, outcome.Masked);
    }

    [TestMethod]
    public void Auto_scores_2d_outputs_with_labels_as_classes_and_anything_else_as_a_tensor()
    {
        using var logits = zeros(4, 10);
        using var embedding = zeros(4, 8, 3);
        Assert.IsTrue(OutputComparisons.Resolve(Model, logits, hasLabels: true).Classifies);
        Assert.IsFalse(OutputComparisons.Resolve(Model, logits, hasLabels: false).Classifies);
        Assert.IsFalse(OutputComparisons.Resolve(Model, embedding, hasLabels: true).Classifies);
        Assert.IsFalse(OutputComparisons.Resolve(Model with { Output = OutputKind.Tensor }, logits, hasLabels: true).Classifies);
        var e = Assert.ThrowsExactly<MrfiException>(() =>
            OutputComparisons.Resolve(Model with { Output = OutputKind.Classes }, embedding, hasLabels: true));
        StringAssert.Contains(e.Message,
            "[model] output = \"classes\" needs [N, classes] floating-point scores, but the model returns [4,8,3]");
        e = Assert.ThrowsExactly<MrfiException>(() =>
            OutputComparisons.Resolve(Model with { Output = OutputKind.Classes }, logits, hasLabels: false));
        StringAssert.Contains(e.Message, "needs labels");
    }
}
