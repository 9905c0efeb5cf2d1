using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Gates;

/// <summary>Judges a finished campaign's trials against its <c>[gate]</c> entries, with the statistics of points.parquet:
/// accuracy and rates as means over the trials with t-intervals across them.</summary>
public static class GateCheck
{
    /// <summary>One verdict per threshold and matching sweep point, in gate order then point order.</summary>
    public static IReadOnlyList<GateVerdict> Evaluate(IReadOnlyList<GateSection> gates, IEnumerable<TrialRecord> trials)
    {
        var points = trials.GroupBy(t => t.Point).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var verdicts = new List<GateVerdict>();
        foreach (var gate in gates)
        {
            foreach (var point in points.Where(p => gate.Matches(p[0].Sweep)))
            {
                foreach (var threshold in gate.Thresholds) verdicts.Add(Judge(gate, threshold, point));
            }
        }
        return verdicts;
    }

    private static GateVerdict Judge(GateSection gate, GateThreshold threshold, IReadOnlyList<TrialRecord> trials)
    {
        // Accuracy and critical SDCs need class scores and labels: for a tensor output they are not measured (NaN: the threshold fails).
        bool measured = trials[0].Classifies || threshold.Metric is not (GateMetric.Accuracy or GateMetric.CriticalSdc);
        var (estimate, low, high) = threshold.Metric switch
        {
            _ when !measured => (double.NaN, double.NaN, double.NaN),
            GateMetric.Accuracy => PointStatistics.Accuracy(trials, gate.Confidence),
            GateMetric.Sdc => PointStatistics.Rate(trials, t => t.Sdc, gate.Confidence),
            GateMetric.CriticalSdc => PointStatistics.Rate(trials, t => t.CriticalSdc, gate.Confidence),
            _ => PointStatistics.Rate(trials, t => t.Due, gate.Confidence),
        };
        // A point without an interval (one repeat) cannot show that its worse end passes, so it fails when the interval is judged.
        double judged = !gate.Interval ? estimate : threshold.IsMinimum ? low : high;
        bool passed = !double.IsNaN(judged) && (threshold.IsMinimum ? judged >= threshold.Limit : judged <= threshold.Limit);
        return new GateVerdict(threshold, trials[0].Point, trials[0].Sweep, estimate, low, high, judged, passed, gate.Confidence,
            gate.Interval);
    }
}
