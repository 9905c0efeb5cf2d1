namespace Mrfi.Core.Campaigns;

/// <summary>What a finished campaign was and did, for the manifest.</summary>
/// <param name="ConfigPath">The config file.</param>
/// <param name="ConfigText">Its text.</param>
/// <param name="Seed">The campaign seed.</param>
/// <param name="ModelName">The architecture.</param>
/// <param name="WeightsPath">The weights file, if any.</param>
/// <param name="DataFiles">The data files.</param>
/// <param name="SweepNames">Swept variables.</param>
/// <param name="Trials">Number of trials finished.</param>
/// <param name="Samples">Samples per trial.</param>
/// <param name="FloatAccuracy">Float model accuracy.</param>
/// <param name="Device">Device used.</param>
/// <param name="Threads">Torch threads.</param>
/// <param name="StartedAt">UTC start.</param>
/// <param name="FinishedAt">UTC end.</param>
/// <param name="Interrupted">Whether the campaign was cancelled before its last trial (the finished trials are kept).</param>
public sealed record CampaignSummary(
    string ConfigPath, string ConfigText, long Seed, string ModelName, string? WeightsPath, IReadOnlyList<string> DataFiles,
    IReadOnlyList<string> SweepNames, int Trials, long Samples, double FloatAccuracy, string Device, int Threads,
    DateTime StartedAt, DateTime FinishedAt, bool Interrupted = false)
{
    /// <summary>Each sweep variable's kind (<see cref="Mrfi.Results.Schema.SweepKind"/>) as the config binds it; empty for a
    /// script's results, whose columns are tags.</summary>
    public IReadOnlyDictionary<string, string> SweepKinds { get; init; } = new Dictionary<string, string>();

    /// <summary>Mean wall time of one golden pass over the data (faults off), in seconds.</summary>
    public double GoldenSecondsPerPass { get; init; }

    /// <summary>The class name of each label (label i = element i), or null when the data do not name their classes.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Where <see cref="ClassNames"/>' order comes from: "[data] classes" or "folder names, alphabetical"; null without
    /// names.</summary>
    public string? ClassOrder { get; init; }

    /// <summary>Wall time of each sweep point's golden pass, in seconds, by point (points this run did not run are absent).</summary>
    public IReadOnlyDictionary<int, double> GoldenSecondsByPoint { get; init; } = new Dictionary<int, double>();

    /// <summary>The model's output names in graph order, which trials.parquet's <c>output_rmse</c> follows; null for a model
    /// that does not name its output (the built-in models).</summary>
    public IReadOnlyList<string>? OutputNames { get; init; }

    /// <summary>Mean wall time of one faulty trial (one pass over the data with faults and observers), in seconds.</summary>
    public double SecondsPerTrial { get; init; }

    /// <summary>Faulty batches that stopped at the last injecting layer because its output equalled the golden one ([run]
    /// early_exit).</summary>
    public long EarlyExitBatches { get; init; }

    /// <summary>How much slower a faulty trial is than a golden pass (1.3 = 30 % overhead); 0 when either was not measured.</summary>
    public double OverheadOverGolden => GoldenSecondsPerPass > 0 && SecondsPerTrial > 0 ? SecondsPerTrial / GoldenSecondsPerPass : 0;
}
