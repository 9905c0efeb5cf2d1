namespace Mrfi.Core.Configuration;

/// <summary>[data] format = "folder": one sub-folder per class, its images decoded, optionally resized and cropped.</summary>
/// <param name="Root">The folder whose sub-folders are the classes (in [data] classes order, else sorted by name: label 0, 1, …).</param>
/// <param name="Channels">1 (grayscale) or 3 (RGB or BGR).</param>
/// <param name="Resize">Height and width to resize every image to; null = keep the size (all images must then agree).</param>
/// <param name="RootLocation">Where <c>root</c> was written, for errors found while loading.</param>
public sealed record FolderDataSpec(string Root, int Channels, (int Height, int Width)? Resize, SourceLocation RootLocation)
{
    /// <summary>Resize so that the shorter side has this length, keeping the aspect ratio (torchvision's <c>Resize(int)</c>); exclusive
    /// with <see cref="Resize"/>.</summary>
    public int? ResizeShorter { get; init; }

    /// <summary>Height and width of a centre crop taken after resizing (torchvision's <c>CenterCrop</c>); null = no crop.</summary>
    public (int Height, int Width)? Crop { get; init; }

    /// <summary>Three channels in the order B, G, R (Caffe- and OpenCV-trained models) instead of R, G, B.</summary>
    public bool Bgr { get; init; }

    /// <summary>[data] classes: the sub-folder of label 0, 1, …; null = the sub-folders sorted by name.</summary>
    public IReadOnlyList<string>? Classes { get; init; }
}
