namespace Mrfi.Results.Schema;

/// <summary>The keys of <c>manifest.json</c> (and a shard's <c>manifest-K-of-N.json</c>); docs/results.md says what each holds.</summary>
public static class ManifestKeys
{
    /// <summary>"mrfi".</summary>
    public const string Tool = "tool";

    /// <summary>The tool's version.</summary>
    public const string ToolVersion = "tool_version";

    /// <summary>libtorch's version.</summary>
    public const string TorchVersion = "torch_version";

    /// <summary>The config file's full path.</summary>
    public const string ConfigPath = "config_path";

    /// <summary>SHA-256 of the config text.</summary>
    public const string ConfigSha256 = "config_sha256";

    /// <summary>The config text.</summary>
    public const string ConfigText = "config_text";

    /// <summary>The campaign seed.</summary>
    public const string Seed = "seed";

    /// <summary>The model's architecture.</summary>
    public const string Model = "model";

    /// <summary>The weights file, or null.</summary>
    public const string WeightsPath = "weights_path";

    /// <summary>SHA-256 of the weights file, or null.</summary>
    public const string WeightsSha256 = "weights_sha256";

    /// <summary>The data files, each with its path and SHA-256.</summary>
    public const string Data = "data";

    /// <summary>Samples per trial.</summary>
    public const string SamplesPerTrial = "samples_per_trial";

    /// <summary>Label of each class name, or null.</summary>
    public const string ClassLabels = "class_labels";

    /// <summary>Where the class order comes from, or null.</summary>
    public const string ClassOrder = "class_order";

    /// <summary>The model's outputs in graph order, which trials.parquet's <c>output_rmse</c> follows; null for a zoo model.</summary>
    public const string Outputs = "outputs";

    /// <summary>The sweep variables (and script tags), in column order.</summary>
    public const string Sweep = "sweep";

    /// <summary>Each sweep variable's <see cref="SweepKind"/>; absent in folders written before it existed.</summary>
    public const string SweepKinds = "sweep_kinds";

    /// <summary>"complete" or "interrupted".</summary>
    public const string Status = "status";

    /// <summary>Trials finished.</summary>
    public const string Trials = "trials";

    /// <summary>The float model's accuracy, or null.</summary>
    public const string FloatAccuracy = "float_accuracy";

    /// <summary>The device the run used.</summary>
    public const string Device = "device";

    /// <summary>Torch threads.</summary>
    public const string Threads = "threads";

    /// <summary>The machine's name.</summary>
    public const string Machine = "machine";

    /// <summary>UTC start, ISO 8601.</summary>
    public const string StartedAt = "started_at";

    /// <summary>UTC end, ISO 8601.</summary>
    public const string FinishedAt = "finished_at";

    /// <summary>Trials per second of wall time.</summary>
    public const string TrialsPerSecond = "trials_per_second";

    /// <summary>Mean wall time of a golden pass.</summary>
    public const string GoldenSecondsPerPass = "golden_seconds_per_pass";

    /// <summary>Mean wall time of a faulty trial.</summary>
    public const string SecondsPerTrial = "seconds_per_trial";

    /// <summary>seconds_per_trial / golden_seconds_per_pass.</summary>
    public const string OverheadOverGolden = "overhead_over_golden";

    /// <summary>Faulty batches that stopped early.</summary>
    public const string EarlyExitBatches = "early_exit_batches";

    /// <summary>The merged tables' files.</summary>
    public const string Files = "files";
}
