using Mrfi.Core.Configuration;
using Mrfi.Core.Data;

namespace Mrfi.Core.Planning;

/// <summary>How many faults a campaign is expected to inject (from the selectors' expectations and the probed shapes), which
/// decides whether faults.parquet is written by default and is what `plan` reports.</summary>
public static class FaultEstimate
{
    /// <summary>Above this many expected faults, fault records are off unless the config asks for them.</summary>
    public const double AutoLimit = 1_000_000;

    /// <summary>Approximate bytes per fault record in faults.parquet.</summary>
    public const double BytesPerRecord = 40;

    /// <summary>Expected faults over the whole campaign, or null when a selector cannot say.</summary>
    public static double? Total(CampaignPlan plan, ImageDataset data) => Total(Rows(plan, data), plan.Repeats);

    /// <summary>Expected faults over the whole campaign from its plan rows, or null when a selector cannot say.</summary>
    public static double? Total(IReadOnlyList<PlanRow> rows, int repeats) =>
        rows.Any(r => r.ExpectedPerTrial is null) ? null : rows.Sum(r => r.ExpectedPerTrial!.Value) * repeats;

    /// <summary>The plan's rows (entry × layer × tensor × point) for the shapes of <paramref name="data"/>'s batches.</summary>
    public static IReadOnlyList<PlanRow> Rows(CampaignPlan plan, ImageDataset data)
    {
        var batches = data.Batches(plan.Config.Run.BatchSize);
        var shapes = ModelProbe.Shapes(plan.Model, batches[0].Images);
        return PlanRow.For(plan, shapes, [.. batches.Select(b => b.Images.shape[0])]);
    }

    /// <summary>Whether to record faults: the config's choice, else on when the expected total is known and small enough.</summary>
    public static bool Decide(CampaignPlan plan, ImageDataset data) => Decide(plan.Config.Run, Total(plan, data));

    /// <summary>Whether to record faults, given the expected total.</summary>
    public static bool Decide(RunSection run, double? total) => run.FaultRecords ?? (total is double t && t <= AutoLimit);
}
