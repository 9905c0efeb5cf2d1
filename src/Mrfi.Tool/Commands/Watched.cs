using System.Diagnostics;
using Mrfi.Core.Data;
using Mrfi.Core.Planning;
using Mrfi.Scripting;
using TorchSharp;

namespace Mrfi.Tool.Commands;

/// <summary>The dry run and the campaign under the snippet watchdog: an inline snippet that never returns stops the command
/// at its line instead of hanging it.</summary>
internal static class Watched
{
    /// <summary>Sets the watchdog's limit for this plan and runs the dry run under it.</summary>
    public static void DryRun(CampaignPlan plan, ImageDataset data)
    {
        SnippetWatchdog.Limit = plan.Config.Run.Watchdog > 0 ? TimeSpan.FromSeconds(plan.Config.Run.Watchdog)
            : SnippetWatchdog.Automatic(GoldenBatch(plan, data));
        SnippetWatchdog.Guard(() =>
        {
            Mrfi.Core.Planning.DryRun.Check(plan, data);
            return 0;
        });
    }

    /// <summary>The time of one golden forward of a full batch (no hooks), what the automatic limit is a multiple of.</summary>
    private static TimeSpan GoldenBatch(CampaignPlan plan, ImageDataset data)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var images = data.Images.narrow(0, 0, Math.Min(plan.Config.Run.BatchSize, data.Count));
        var clock = Stopwatch.StartNew();
        plan.Model.call(images);
        return clock.Elapsed;
    }
}
