using Mrfi.Core.Configuration;

namespace Mrfi.Core.Data;

/// <summary>The sizes of torchvision's <c>Resize</c> and <c>CenterCrop</c>, computed as torchvision does, so that a folder
/// prepared by mrfi has the pixels a PyTorch evaluation script would crop.</summary>
internal static class FolderGeometry
{
    /// <summary>The size an image of <paramref name="height"/> × <paramref name="width"/> is resized to: <c>resize</c>,
    /// or with <c>resize_shorter = s</c> the shorter side s and the longer one int(s · long / short) (truncated, as
    /// torchvision).</summary>
    public static (int Height, int Width) Resized(FolderDataSpec spec, int height, int width)
    {
        if (spec.Resize is { } size) return size;
        if (spec.ResizeShorter is not { } s) return (height, width);
        return height <= width ? (s, (int)((long)s * width / height)) : ((int)((long)s * height / width), s);
    }

    /// <summary>The top-left corner of a centre crop: round((size − crop) / 2) with ties to even, as Python's round in
    /// torchvision's <c>center_crop</c>.</summary>
    public static (int Top, int Left) CropOrigin((int Height, int Width) resized, (int Height, int Width) crop) =>
        ((int)Math.Round((resized.Height - crop.Height) / 2.0, MidpointRounding.ToEven),
            (int)Math.Round((resized.Width - crop.Width) / 2.0, MidpointRounding.ToEven));
}
