namespace Mrfi.Core.Configuration;

/// <summary>[data]: where the evaluation images come from and how they are scaled.</summary>
/// <param name="Format">idx, cifar10, synthetic, folder, npz, safetensors, or a plugin's format.</param>
/// <param name="Images">IDX image file (idx).</param>
/// <param name="Labels">IDX label file (idx); for npz and safetensors the labels tensor's name is in <see cref="Tensors"/>.</param>
/// <param name="Files">CIFAR-10 batch files (cifar10).</param>
/// <param name="Limit">Use only the first N samples; 0 = all.</param>
/// <param name="Mean">Per-channel (or one) mean subtracted after scaling pixels to [0, scale].</param>
/// <param name="Std">Per-channel (or one) standard deviation divided by.</param>
/// <param name="Location">The table's location.</param>
public sealed record DataSection(string Format, string? Images, string? Labels, IReadOnlyList<string> Files, long Limit,
    IReadOnlyList<double> Mean, IReadOnlyList<double> Std, SourceLocation Location)
{
    /// <summary>For a format from a plugin: the [data] table, whose other keys bind to the dataset's constructor.</summary>
    public ConfigTable? Table { get; init; }

    /// <summary>For format = "synthetic": what to draw.</summary>
    public SyntheticDataSpec? Synthetic { get; init; }

    /// <summary>[data] scale: the value of a full-intensity pixel before mean and std, 1 ([0, 1]) or 255 (raw pixels).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>For format = "npz" and "safetensors": the file and which of its tensors are the input and the labels.</summary>
    public TensorDataSpec? Tensors { get; init; }

    /// <summary>[data] classes: the class name of label 0, 1, …; for format = "folder" also the sub-folder of each label. Null
    /// when not given (folders are then numbered alphabetically).</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>For format = "folder": where the class folders are and how to decode them.</summary>
    public FolderDataSpec? Folder { get; init; }

    /// <summary>Where the file keys (images, labels, files) were written, so that a bad data file names its config line.</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>Where an error about the file a key names belongs: <c>file(line,col): error: [data] key: …</c>, or <c>error:
    /// …</c>.</summary>
    public DiagnosticSite ErrorSite(string key) => KeyLocations.TryGetValue(key, out var at) ? new(at, $"[data] {key}") : default;
}
