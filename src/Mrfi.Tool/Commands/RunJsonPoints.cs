using Mrfi.Core.Campaigns;
using Mrfi.Results.Parquet;

namespace Mrfi.Tool.Commands;

/// <summary><c>run --json</c>'s <c>points</c>: per sweep point its golden pass's wall time and the output figures of its trials
/// that matter for a model without class scores (RMSE, per-output RMSE, largest deviation).</summary>
internal static class RunJsonPoints
{
    /// <summary>One object per point of <paramref name="trials"/> or of this run's golden passes, by point number.</summary>
    public static List<Dictionary<string, object?>> Of(CampaignSummary summary, IReadOnlyList<TrialRecord> trials)
    {
        var byPoint = trials.ToLookup(t => t.Point);
        return [.. summary.GoldenSecondsByPoint.Keys.Concat(byPoint.Select(g => g.Key)).Distinct().Order()
            .Select(p => Point(p, summary.GoldenSecondsByPoint.TryGetValue(p, out double s) ? s : null, [.. byPoint[p]]))];
    }

    private static Dictionary<string, object?> Point(int point, double? goldenSeconds, IReadOnlyList<TrialRecord> trials)
    {
        // As trials.parquet's output_rmse: a record without per-output figures has its one output's rmse.
        var perOutput = trials.Select(Outputs).ToList();
        int outputs = perOutput.Select(o => o.Count).DefaultIfEmpty(0).Max();
        return new()
        {
            ["point"] = point,
            // With --resume, a point run before has trials but no golden pass in this run.
            ["golden_seconds"] = goldenSeconds,
            ["trial_count"] = trials.Count,
            ["mean_rmse"] = FiniteMean(trials.Select(t => t.Rmse)),
            ["max_deviation"] = ManifestJson.Number(trials.Select(t => t.MaxDeviation).Where(double.IsFinite)
                .DefaultIfEmpty(double.NaN).Max()),
            ["mean_output_rmse"] = Enumerable.Range(0, outputs)
                .Select(k => FiniteMean(perOutput.Select(o => k < o.Count ? o[k] : double.NaN))).ToList(),
        };
    }

    /// <summary>A trial's RMSE per output in graph order, as trials.parquet's output_rmse holds it.</summary>
    public static IReadOnlyList<double> Outputs(TrialRecord t) => t.OutputRmse.Count > 0 ? t.OutputRmse : [t.Rmse];

    // An all-DUE trial has a NaN RMSE; like the report, the mean is over the finite ones (null when there are none).
    private static double? FiniteMean(IEnumerable<double> values) =>
        ManifestJson.Number(values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average());
}
