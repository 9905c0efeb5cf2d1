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
    public static double? Total(CampaignPlan plan, ImageDataset data)
    {
        var batches = data.Batches(plan.Config.Run.BatchSize);
        var shapes = ModelProbe.Shapes(plan.Model, batches[0].Images);
        var rows = PlanRow.For(plan, shapes, [.. batches.Select(b => b.Images.shape[0])]);
        if (rows.Any(r => r.ExpectedPerTrial is null)) return null;
        return rows.Sum(r => r.ExpectedPerTrial!.Value) * plan.Repeats;
    }

    /// <summary>Whether to record faults: the config's choice, else on when the expected total is known and small enough.</summary>
    public static bool Decide(CampaignPlan plan, ImageDataset data) =>
        plan.Config.Run.FaultRecords ?? (Total(plan, data) is double total && total <= AutoLimit);
}
