using Mrfi.Core.Data;
using Mrfi.Core.Injection;
using TorchSharp;

namespace Mrfi.Core.Planning;

/// <summary>Runs every sweep point once on a tiny batch, golden then faulty, with every observer: `validate` finds the
/// problems that only show with real tensors (a position outside an activation, an observer on the wrong shape).</summary>
public static class DryRun
{
    /// <summary>Throws a user error naming the point, entry and module when a component rejects a real tensor; draws from
    /// the plan's [run] seed.</summary>
    public static void Check(CampaignPlan plan, ImageDataset data)
    {
        long seed = plan.Config.Run.Seed;
        using var noGrad = torch.no_grad();
        using var images = data.Images.narrow(0, 0, Math.Min(2, data.Count)).clone();
        foreach (var point in plan.Points)
        {
            var bindings = plan.Observers.SelectMany(o => o.Bind()).ToList();
            using var session = new FaultInjectionSession(plan.Model, point.Entries, bindings, new SessionOptions { CampaignSeed = seed });
            try
            {
                session.BeginTrial(seed);
                using var scope = torch.NewDisposeScope();
                using (session.Forward(InjectionMode.Golden))
                    plan.Model.call(images);
                plan.Model.call(images);
                foreach (var b in bindings) _ = b.Observer.Result();
            }
            catch (MrfiException e) when (plan.Points.Count > 1)
            {
                throw new MrfiException([.. e.Diagnostics.Select(d =>
                    d with { Message = $"{d.Message} (sweep point {point.Index}:{Configuration.SweepText.Format(point.Values)})" })], e);
            }
        }
    }
}
