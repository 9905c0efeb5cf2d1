using Mrfi.Core.Configuration;
using SkiaSharp;

namespace Mrfi.Core.Data;

/// <summary>[data] format = "folder": one sub-folder per class (label i = the i-th name of [data] classes, else the sub-folders sorted by
/// name), its images decoded with
/// SkiaSharp, converted to grayscale, RGB or BGR and optionally resized (bilinear) and centre-cropped.</summary>
internal static class ImageFolder
{
    /// <summary>The image file extensions read (case-insensitive); other files are ignored.</summary>
    public static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

    /// <summary>Loads the images in class order, files sorted by name within a class; only the first <paramref name="limit"/> are
    /// decoded.</summary>
    public static ImageDataset Load(FolderDataSpec spec, PixelScaling scaling, long limit)
    {
        var files = List(spec, limit);
        (int Height, int Width)? size = null;
        string? sizeSource = null;
        int channels = spec.Channels;
        byte[]? pixels = null;
        for (int i = 0; i < files.Count; i++)
        {
            using var bitmap = Decode(spec, files[i].Path);
            var resized = FolderGeometry.Resized(spec, bitmap.Height, bitmap.Width);
            var final = spec.Crop ?? resized;
            if (final.Height > resized.Height || final.Width > resized.Width)
                throw Error(spec, $"{files[i].Path} is {resized.Width}×{resized.Height} pixels after resizing, smaller than crop = " +
                    $"[{final.Height}, {final.Width}]; crop at most the resized size");
            if (size is null)
            {
                size = final;
                sizeSource = files[i].Path;
            }
            else if (final != size)
            {
                string fix = spec.ResizeShorter is null ? "set [data] resize = [height, width] to resize every image"
                    : "set [data] crop = [height, width] to crop every image to one size";
                throw Error(spec, $"{files[i].Path} is {final.Width}×{final.Height} pixels but {sizeSource} is " +
                    $"{size.Value.Width}×{size.Value.Height}; {fix}");
            }
            var (h, w) = final;
            pixels ??= new byte[checked((long)files.Count * channels * h * w)];
            var origin = FolderGeometry.CropOrigin(resized, final);
            Copy(bitmap, resized, origin, final, channels, spec.Bgr, pixels.AsSpan(i * channels * h * w, channels * h * w));
        }
        var (height, width) = size!.Value;
        byte[] labels = [.. files.Select(f => (byte)f.Label)];
        return ImageDataset.FromBytes(pixels!, [files.Count, channels, height, width], labels, scaling, 0);
    }

    /// <summary>The class names in label order: [data] classes, else the sub-folders sorted by name.</summary>
    public static IReadOnlyList<string> Classes(FolderDataSpec spec) => spec.Classes ?? ClassFolders.Of(spec);

    /// <summary>The image files that <see cref="Load"/> decodes, in label order.</summary>
    public static IReadOnlyList<string> Files(FolderDataSpec spec, long limit) => [.. List(spec, limit).Select(f => f.Path)];

    private static List<(string Path, int Label)> List(FolderDataSpec spec, long limit)
    {
        var classes = Classes(spec);
        if (classes.Count == 0)
            throw Error(spec, $"{spec.Root} has no class sub-folders; format = \"folder\" expects one sub-folder per class " +
                $"(root/coat/1.png, root/shirt/2.png)");
        if (classes.Count > 256) throw Error(spec, $"{spec.Root} has {classes.Count} class sub-folders; at most 256 are supported");
        var files = new List<(string, int)>();
        for (int label = 0; label < classes.Count; label++)
        {
            string folder = Path.Combine(spec.Root, classes[label]);
            var images = Directory.GetFiles(folder).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            if (images.Count == 0)
                throw Error(spec, $"class folder {folder} holds no images ({string.Join(", ", Extensions)})");
            files.AddRange(images.Select(f => (f, label)));
        }
        return limit > 0 && files.Count > limit ? files.GetRange(0, (int)limit) : files;
    }

    private static SKBitmap Decode(FolderDataSpec spec, string path)
    {
        SKBitmap? bitmap;
        try
        {
            bitmap = SKBitmap.Decode(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw Error(spec, $"cannot read {path}: {e.Message}");
        }
        return bitmap is { Width: > 0, Height: > 0 } ? bitmap
            : throw Error(spec, $"cannot decode {path}: not a PNG, JPEG, BMP, GIF or WebP image, or a damaged one");
    }

    /// <summary>Scales (or copies) to RGBA at the resized size, then writes the crop window as channel planes: R, G, B
    /// (or B, G, R), or the luma 0.299 R + 0.587 G + 0.114 B rounded as Pillow's convert("L"), so grayscale images match
    /// what PyTorch pipelines see. Alpha is dropped.</summary>
    private static void Copy(SKBitmap bitmap, (int Height, int Width) resized, (int Top, int Left) origin, (int Height, int Width) crop,
        int channels, bool bgr, Span<byte> target)
    {
        using var rgba = new SKBitmap(new SKImageInfo(resized.Width, resized.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!bitmap.ScalePixels(rgba, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)))
            throw new MrfiException($"cannot convert an image of color type {bitmap.ColorType} to RGBA");
        ReadOnlySpan<byte> source = rgba.GetPixelSpan();
        int plane = crop.Height * crop.Width;
        int first = bgr ? 2 : 0, last = bgr ? 0 : 2;
        for (int y = 0; y < crop.Height; y++)
        {
            for (int x = 0; x < crop.Width; x++)
            {
                int s = 4 * ((origin.Top + y) * resized.Width + origin.Left + x), p = y * crop.Width + x;
                byte r = source[s], g = source[s + 1], b = source[s + 2];
                if (channels == 1) target[p] = (byte)((r * 299 + g * 587 + b * 114 + 500) / 1000);
                else
                {
                    target[first * plane + p] = r;
                    target[plane + p] = g;
                    target[last * plane + p] = b;
                }
            }
        }
    }

    private static MrfiException Error(FolderDataSpec spec, string message) =>
        MrfiException.At(spec.RootLocation, $"[data] root: {message}");
}
