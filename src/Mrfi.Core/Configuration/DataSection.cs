namespace Mrfi.Core.Configuration;

/// <summary>[data]: where the evaluation images come from and how they are scaled.</summary>
/// <param name="Format">idx, cifar10, synthetic, folder, or a plugin's format.</param>
/// <param name="Images">IDX image file (idx).</param>
/// <param name="Labels">IDX label file (idx).</param>
/// <param name="Files">CIFAR-10 batch files (cifar10).</param>
/// <param name="Limit">Use only the first N samples; 0 = all.</param>
/// <param name="Mean">Per-channel (or one) mean subtracted after scaling pixels to [0, 1].</param>
/// <param name="Std">Per-channel (or one) standard deviation divided by.</param>
/// <param name="Location">The table's location.</param>
public sealed record DataSection(string Format, string? Images, string? Labels, IReadOnlyList<string> Files, long Limit, IReadOnlyList<double> Mean, IReadOnlyList<double> Std, SourceLocation Location)
{
    /// <summary>For a format from a plugin: the [data] table, whose other keys bind to the dataset's constructor.</summary>
    public ConfigTable? Table { get; init; }

    /// <summary>For format = "synthetic": what to draw.</summary>
    public SyntheticDataSpec? Synthetic { get; init; }

    /// <summary>[data] classes: the class name of label 0, 1, …; for format = "folder" also the sub-folder of each label. Null
    /// when not given (folders are then numbered alphabetically).</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>For format = "folder": where the class folders are and how to decode them.</summary>
    public FolderDataSpec? Folder { get; init; }
}
