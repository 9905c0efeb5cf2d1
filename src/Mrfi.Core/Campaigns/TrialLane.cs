using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>One worker of a campaign: a model (the plan's, or a replica with the same weights) with its own copy of the
/// batches — input faults are written into the batch tensors and undone after each forward, so workers must not share them.</summary>
internal sealed class TrialLane(nn.Module<Tensor, Tensor> model, IReadOnlyList<(Tensor Images, Tensor Labels)> batches, bool owned)
    : IDisposable
{
    /// <summary>The model this worker runs.</summary>
    public nn.Module<Tensor, Tensor> Model { get; } = model;

    /// <summary>The batches this worker reads.</summary>
    public IReadOnlyList<(Tensor Images, Tensor Labels)> Batches { get; } = batches;

    /// <summary>A replica of <paramref name="plan"/>'s model on <paramref name="device"/> with copies of
    /// <paramref name="batches"/>.</summary>
    public static TrialLane Replica(Planning.CampaignPlan plan, IReadOnlyList<(Tensor Images, Tensor Labels)> batches, Device device)
    {
        var replica = plan.Replica!();
        replica.to(device);
        return new TrialLane(replica, [.. batches.Select(b =>
            (b.Images.clone().DetachFromDisposeScope(), b.Labels.clone().DetachFromDisposeScope()))], owned: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!owned) return;
        Model.Dispose();
        foreach (var (images, labels) in Batches) { images.Dispose(); labels.Dispose(); }
    }
}
