using Mrfi.Core.Campaigns;
using Mrfi.Core.Gates;
using Mrfi.Core.Statistics;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Tests.Gates;

[TestClass]
public sealed class GateCheckTests
{
    private static readonly SourceLocation Where = new("mrfi.toml", 30, 1);

    private static TrialRecord Trial(int point, double ber, long correct, long criticalSdc = 0, long total = 1000) =>
        new(point * 10 + correct % 7, point, 0, 0, new Dictionary<string, double> { ["ber"] = ber }, correct / (double)total, 0.9, 0.9,
            correct, total, 0, 0, 0, DateTime.UtcNow) { CriticalSdc = criticalSdc };

    private static GateSection Gate(GateMetric metric, double limit, bool interval = true, double? ber = null) =>
        new(ber is { } b ? new Dictionary<string, double> { ["ber"] = b } : [], [new GateThreshold(metric, limit, "key", Where)], interval,
            0.95, Where);

    // Accuracies 0.80 and 0.84: mean 0.82, but the 95 % t-interval over two repeats reaches far below 0.80.
    private static readonly TrialRecord[] TwoRepeats = [Trial(0, 1e-4, 800), Trial(0, 1e-4, 840)];

    [TestMethod]
    public void Interval_judging_fails_a_point_whose_mean_passes_but_whose_lower_end_does_not()
    {
        var verdict = GateCheck.Evaluate([Gate(GateMetric.Accuracy, 0.8)], TwoRepeats).Single();
        Assert.IsFalse(verdict.Passed);
        Assert.AreEqual(0.82, verdict.Estimate, 1e-12);
        Assert.AreEqual(Intervals.MeanT([0.80, 0.84]).Low, verdict.Judged, 1e-12);
        StringAssert.StartsWith(verdict.Message, "mrfi.toml(30,1): error: gate failed at ber = 0.0001: accuracy 0.82");
    }

    [TestMethod]
    public void Estimate_judging_passes_the_same_point()
    {
        var verdict = GateCheck.Evaluate([Gate(GateMetric.Accuracy, 0.8, interval: false)], TwoRepeats).Single();
        Assert.IsTrue(verdict.Passed, verdict.Message);
        StringAssert.StartsWith(verdict.Message, "gate passed at ber = 0.0001: accuracy 0.82");
    }

    [TestMethod]
    public void Rates_are_averaged_over_the_trials_and_judged_at_the_upper_end_of_their_t_interval()
    {
        // Trial rates 0.003 and 0.001: mean 0.002, sd 0.001·√2, so the half-width is t(0.975, 1) · 0.001 = 0.012706 — far
        // wider than the Wilson interval of 4 in 2000 samples (upper end about 0.0051), which would treat the images as independent.
        TrialRecord[] trials = [Trial(0, 1e-4, 800, criticalSdc: 3), Trial(0, 1e-4, 840, criticalSdc: 1)];
        var tight = GateCheck.Evaluate([Gate(GateMetric.CriticalSdc, 0.006)], trials).Single();
        var loose = GateCheck.Evaluate([Gate(GateMetric.CriticalSdc, 0.015)], trials).Single();
        Assert.AreEqual(0.002, tight.Estimate, 1e-12);
        Assert.AreEqual(0.002 + 12.706 * 0.001, tight.Judged, 1e-12);
        Assert.IsFalse(tight.Passed);
        Assert.IsTrue(loose.Passed, loose.Message);
    }

    [TestMethod]
    public void A_gate_point_applies_only_to_matching_sweep_points_and_1e_4_matches_0_0001()
    {
        TrialRecord[] trials = [.. TwoRepeats, Trial(1, 1e-3, 100), Trial(1, 1e-3, 120)];
        var atPoint = GateCheck.Evaluate([Gate(GateMetric.Accuracy, 0.5, interval: false, ber: 0.0001)], trials);
        var everywhere = GateCheck.Evaluate([Gate(GateMetric.Accuracy, 0.5, interval: false)], trials);
        Assert.AreEqual(0, atPoint.Single().Point);
        Assert.IsTrue(atPoint.Single().Passed);
        CollectionAssert.AreEqual(new[] { 0, 1 }, everywhere.Select(v => v.Point).ToArray());
        Assert.IsFalse(everywhere[1].Passed, "accuracy 0.11 at ber 1e-3 misses 0.5");
    }

    [TestMethod]
    public void A_gate_point_with_a_text_value_applies_only_to_trials_with_that_text()
    {
        static TrialRecord Tagged(int point, string format, long correct) =>
            Trial(point, 1e-4, correct) with { Sweep = new Mrfi.Core.Configuration.SweepValues([new("format", format), new("ber", 1e-4)]) };
        TrialRecord[] trials = [Tagged(0, "float16", 300), Tagged(0, "float16", 310), Tagged(1, "int8", 880), Tagged(1, "int8", 890)];
        var point = new Mrfi.Core.Configuration.SweepValues([new("format", "int8")]);
        var verdict = GateCheck.Evaluate(
            [new GateSection(point, [new GateThreshold(GateMetric.Accuracy, 0.8, "accuracy_min", Where)], false, 0.95, Where)], trials)
                .Single();
        Assert.AreEqual(1, verdict.Point);
        Assert.IsTrue(verdict.Passed);
        StringAssert.Contains(verdict.Message, "at format = int8, ber = 0.0001");
    }

    [TestMethod]
    public void A_single_repeat_has_no_interval_so_an_interval_judged_accuracy_fails()
    {
        var verdict = GateCheck.Evaluate([Gate(GateMetric.Accuracy, 0.1)], [Trial(0, 1e-4, 900)]).Single();
        Assert.IsFalse(verdict.Passed);
    }

    [TestMethod]
    public void A_tensor_output_fails_accuracy_and_critical_sdc_thresholds_it_cannot_measure_but_judges_sdc()
    {
        TrialRecord[] tensor = [.. TwoRepeats.Select(t =>
            t with { Accuracy = double.NaN, Correct = 0, Sdc = 2, CriticalSdc = 0, Output = "tensor" })];
        var critical = GateCheck.Evaluate([Gate(GateMetric.CriticalSdc, 0.5, interval: false)], tensor).Single();
        Assert.IsFalse(critical.Passed, "0 critical SDCs of a model without labels is not a pass");
        Assert.IsTrue(double.IsNaN(critical.Estimate));
        Assert.IsFalse(GateCheck.Evaluate([Gate(GateMetric.Accuracy, 0.1, interval: false)], tensor).Single().Passed);
        var sdc = GateCheck.Evaluate([Gate(GateMetric.Sdc, 0.01, interval: false)], tensor).Single();
        Assert.IsTrue(sdc.Passed, sdc.Message);
        Assert.AreEqual(0.002, sdc.Estimate, 1e-12);
    }
}
