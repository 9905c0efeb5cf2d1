using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Planning;

/// <summary>A validated campaign: the model with its weights loaded, every sweep point with its components built, and the
/// observers.</summary>
/// <param name="Config">The config it came from.</param>
/// <param name="Model">The model (weights loaded, on the CPU).</param>
/// <param name="ModelName">The architecture's config name.</param>
/// <param name="InputShape">The model's expected image shape [C, H, W].</param>
/// <param name="Points">Sweep points, in order; one point when nothing is swept.</param>
/// <param name="Observers">Observer entries.</param>
public sealed record CampaignPlan(
    MrfiConfig Config,
    nn.Module<Tensor, Tensor> Model,
    string ModelName,
    long[] InputShape,
    IReadOnlyList<SweepPoint> Points,
    IReadOnlyList<ObserverPlan> Observers)
{
    /// <summary>Creates the data set of a plugin format (null for the built-in idx and cifar10).</summary>
    public Func<IDataset>? Dataset { get; init; }

    /// <summary>Builds another copy of the model with the same weights (for parallel workers); null when the plan cannot.</summary>
    public Func<nn.Module<Tensor, Tensor>>? Replica { get; init; }

    /// <summary>Trials per point.</summary>
    public int Repeats => Config.Repeats;

    /// <summary>Total number of trials.</summary>
    public int TrialCount => Points.Count * Repeats;

    /// <summary>Names of the swept variables, in config order.</summary>
    public IReadOnlyList<string> SweepNames => [.. Config.Sweep.Select(v => v.Name)];
}
