using Serilog;

namespace Mrfi.Core.Campaigns;

/// <summary>Says once per observer, layer and position of a campaign that its module never ran, which is why its values
/// in observers.parquet are null (<see cref="ObserverRows"/>).</summary>
internal sealed class NeverRanWarning(ILogger log)
{
    private readonly HashSet<(string Observer, string Layer, string Position)> _warned = [];

    /// <summary>Warns about the observers of <paramref name="observed"/> (one trial's rows) that have null values.</summary>
    public void Check(IReadOnlyList<ObserverRecord> observed)
    {
        foreach (var o in observed.Where(o => o.Value is null))
        {
            if (_warned.Add((o.Observer, o.Layer, o.Position)))
                log.Warning("Observer {Observer:l} at '{Layer:l}' ({Position:l}) saw no tensor in trial {Trial}: the model's forward did " +
                    "not call that module " +
                    "(hooks fire only through module.call), so nothing was measured and its values in observers.parquet are null in " +
                    "every trial where it does not run",
                    o.Observer, o.Layer, o.Position, o.Trial);
        }
    }
}
