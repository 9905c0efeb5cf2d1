using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using SkiaSharp;

namespace Mrfi.Core.Tests.Data;

[TestClass]
public sealed class ImageFolderTests
{
    private static readonly SourceLocation Where = new("mrfi.toml", 9, 1);

    /// <summary>Writes a w×h image whose pixel (x, y) has colour <paramref name="color"/>(x, y), as PNG or JPEG.</summary>
    private static void Write(string path, int w, int h, Func<int, int, SKColor> color,
        SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) bitmap.SetPixel(x, y, color(x, y));
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static FolderDataSpec Spec(string root, int channels = 3, (int, int)? resize = null) => new(root, channels, resize, Where);

    [TestMethod]
    public void Class_folders_sorted_by_name_give_the_labels_and_png_pixels_come_back_exactly()
    {
        string root = Repo.TempFolder("folder");
        // "b" is written first: labels follow the sorted names, not the creation order.
        Write(Path.Combine(root, "b", "1.png"), 3, 2, (x, y) => new SKColor((byte)(10 * x), (byte)(100 + y), 7));
        Write(Path.Combine(root, "a", "2.png"), 3, 2, (_, _) => new SKColor(255, 128, 0));
        File.WriteAllText(Path.Combine(root, "a", "notes.txt"), "not an image, ignored");
        using var data = ImageFolder.Load(Spec(root), new PixelScaling([0.5], [0.5]), 0);
        CollectionAssert.AreEqual(new long[] { 2, 3, 2, 3 }, data.Images.shape);
        CollectionAssert.AreEqual(new long[] { 0, 1 }, data.Labels.data<long>().ToArray());
        Assert.AreEqual((255 / 255.0 - 0.5) / 0.5, data.Images[0, 0, 1, 2].item<float>(), 1e-6, "a: red");
        Assert.AreEqual((128 / 255.0 - 0.5) / 0.5, data.Images[0, 1, 0, 0].item<float>(), 1e-6, "a: green");
        Assert.AreEqual((20 / 255.0 - 0.5) / 0.5, data.Images[1, 0, 1, 2].item<float>(), 1e-6, "b: red = 10·x at x = 2");
        Assert.AreEqual((101 / 255.0 - 0.5) / 0.5, data.Images[1, 1, 1, 0].item<float>(), 1e-6, "b: green = 100 + y at y = 1");
        Assert.AreEqual((7 / 255.0 - 0.5) / 0.5, data.Images[1, 2, 0, 1].item<float>(), 1e-6, "b: blue");
        CollectionAssert.AreEqual(new[] { "a", "b" }, ImageFolder.Classes(Spec(root)).ToArray());
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Grayscale_uses_the_rounded_luma_and_resize_keeps_a_flat_colour()
    {
        string root = Repo.TempFolder("folder");
        Write(Path.Combine(root, "only", "red.png"), 8, 6, (_, _) => new SKColor(255, 0, 0));
        Write(Path.Combine(root, "only", "mix.jpg"), 8, 6, (_, _) => new SKColor(40, 200, 90), SKEncodedImageFormat.Jpeg);
        using var data = ImageFolder.Load(Spec(root, channels: 1, resize: (3, 4)), new PixelScaling([0.0], [1.0]), 0);
        CollectionAssert.AreEqual(new long[] { 2, 1, 3, 4 }, data.Images.shape);
        // Files sorted by name: mix.jpg, then red.png. Luma of pure red: round(0.299 · 255) = 76.
        Assert.IsTrue(data.Images[1].eq(76 / 255f).all().item<bool>());
        // JPEG is lossy: 0.299·40 + 0.587·200 + 0.114·90 = 139.6, within a few levels.
        Assert.AreEqual(139.6 / 255, data.Images[0].mean().item<float>(), 4 / 255.0);
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Limit_decodes_only_the_first_images()
    {
        string root = Repo.TempFolder("folder");
        Write(Path.Combine(root, "a", "1.png"), 2, 2, (_, _) => SKColors.White);
        Write(Path.Combine(root, "b", "1.png"), 2, 2, (_, _) => SKColors.White);
        File.WriteAllText(Path.Combine(root, "b", "2.png"), "broken, but beyond the limit");
        using var data = ImageFolder.Load(Spec(root), new PixelScaling([0.0], [1.0]), 2);
        Assert.AreEqual(2L, data.Count);
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void An_undecodable_file_a_size_mismatch_and_an_empty_class_are_errors_naming_the_file()
    {
        string root = Repo.TempFolder("folder");
        Write(Path.Combine(root, "a", "1.png"), 2, 2, (_, _) => SKColors.White);
        File.WriteAllText(Path.Combine(root, "a", "2.png"), "not a png");
        var e = Assert.ThrowsExactly<MrfiException>(() => ImageFolder.Load(Spec(root), new PixelScaling([0.0], [1.0]), 0));
        StringAssert.StartsWith(e.Message, "mrfi.toml(9,1): error: [data] root: cannot decode ");
        StringAssert.Contains(e.Message, Path.Combine(root, "a", "2.png"));

        File.Delete(Path.Combine(root, "a", "2.png"));
        Write(Path.Combine(root, "a", "3.png"), 3, 2, (_, _) => SKColors.White);
        e = Assert.ThrowsExactly<MrfiException>(() => ImageFolder.Load(Spec(root), new PixelScaling([0.0], [1.0]), 0));
        StringAssert.Contains(e.Message, "3.png is 3×2 pixels but");
        StringAssert.Contains(e.Message, "resize");

        Directory.CreateDirectory(Path.Combine(root, "c"));
        e = Assert.ThrowsExactly<MrfiException>(() => ImageFolder.Load(Spec(root, resize: (2, 2)), new PixelScaling([0.0], [1.0]), 0));
        StringAssert.Contains(e.Message, $"class folder {Path.Combine(root, "c")} holds no images");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void The_bundled_held_out_png_folder_decodes_to_the_idx_images_it_was_written_from()
    {
        // examples/assets/fmnist_heldout200 holds bundled test images 800…999 as PNG files named by their index.
        var spec = Spec(Repo.Asset("fmnist_heldout200"), channels: 1);
        using var folder = ImageFolder.Load(spec, new PixelScaling([0.0], [1.0]), 0);
        using var idx = LeNetFixture.Images(1000);
        var files = ImageFolder.Files(spec, 0);
        Assert.HasCount(200, files);
        for (int i = 0; i < files.Count; i++)
        {
            long index = long.Parse(Path.GetFileNameWithoutExtension(files[i]), System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsTrue(folder.Images[i].equal(idx.Images[index]).all().item<bool>(), files[i]);
            Assert.AreEqual(idx.Labels[index].item<long>(), folder.Labels[i].item<long>(), files[i]);
        }
    }
}
