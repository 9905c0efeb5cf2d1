using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Experiments;

/// <summary>What one <see cref="Experiment.Run"/> produced: its trials and observer rows, tagged with the script's values.</summary>
/// <param name="Tag">The values the script attached (they become columns of trials.parquet when saved).</param>
/// <param name="Trials">One record per trial.</param>
/// <param name="Observers">Observer rows of those trials.</param>
public sealed record ExperimentResult(SweepValues Tag, IReadOnlyList<TrialRecord> Trials, IReadOnlyList<ObserverRecord> Observers)
{
    /// <summary>Mean accuracy over the trials.</summary>
    public double Accuracy => Trials.Average(t => t.Accuracy);

    /// <summary>Accuracy of the golden run (quantized, no faults).</summary>
    public double GoldenAccuracy => Trials[0].GoldenAccuracy;

    /// <summary>Mean number of predictions that differ from the golden run.</summary>
    public double Changed => Trials.Average(t => (double)t.Changed);

    /// <summary>Mean faults per trial.</summary>
    public double Faults => Trials.Average(t => (double)t.Faults);

    /// <summary>Mean of an observer metric over the trials (e.g. Metric("fc3", "rmse")); NaN where the layer never ran.</summary>
    public double Metric(string layer, string metric) =>
        Observers.Where(o => o.Layer == layer && o.Metric == metric && o.Index is null && o.Value is not null).Select(o => o.Value!.Value)
            .DefaultIfEmpty(double.NaN).Average();
}
