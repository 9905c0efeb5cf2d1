namespace Mrfi.Core.Configuration;

/// <summary>[data] format = "folder": one sub-folder per class, its images decoded and optionally resized.</summary>
/// <param name="Root">The folder whose sub-folders are the classes (in [data] classes order, else sorted by name: label 0, 1, …).</param>
/// <param name="Channels">1 (grayscale) or 3 (RGB).</param>
/// <param name="Resize">Height and width to resize every image to; null = keep the size (all images must then agree).</param>
/// <param name="RootLocation">Where <c>root</c> was written, for errors found while loading.</param>
public sealed record FolderDataSpec(string Root, int Channels, (int Height, int Width)? Resize, SourceLocation RootLocation)
{
    /// <summary>[data] classes: the sub-folder of label 0, 1, …; null = the sub-folders sorted by name.</summary>
    public IReadOnlyList<string>? Classes { get; init; }
}
