using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using SkiaSharp;

namespace Mrfi.Core.Tests.Data;

[TestClass]
public sealed class FolderPreprocessingTests
{
    private static readonly SourceLocation Where = new("mrfi.toml", 9, 1);

    private static void Write(string path, int w, int h, Func<int, int, SKColor> color)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) bitmap.SetPixel(x, y, color(x, y));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    [TestMethod]
    public void Centre_crop_rounds_half_offsets_to_even_as_torchvision()
    {
        string root = Repo.TempFolder("crop");
        // 5 wide, 2 high: the shorter side is already 2, so the resize keeps every pixel; red = 10·x + 100·y.
        Write(Path.Combine(root, "a", "1.png"), 5, 2, (x, y) => new SKColor((byte)(10 * x + 100 * y), 0, 0));
        var spec = new FolderDataSpec(root, 3, null, Where) { ResizeShorter = 2, Crop = (2, 2) };
        using var data = ImageFolder.Load(spec, new PixelScaling([0.0], [1.0], 255), 0);
        CollectionAssert.AreEqual(new long[] { 1, 3, 2, 2 }, data.Images.shape);
        // torchvision: left = int(round((5 − 2) / 2)) = round(1.5) = 2 (Python rounds half to even), top = 0.
        float[] expected = [20, 30, 120, 130];
        CollectionAssert.AreEqual(expected, data.Images[0, 0].flatten().data<float>().ToArray());
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Shorter_side_resize_keeps_the_aspect_ratio_truncating_the_longer_side()
    {
        string root = Repo.TempFolder("shorter");
        // 7×3 → shorter side 2: width int(2 · 7 / 3) = int(4.67) = 4. A flat colour stays flat under bilinear resizing.
        Write(Path.Combine(root, "a", "1.png"), 7, 3, (_, _) => new SKColor(40, 80, 120));
        Write(Path.Combine(root, "b", "1.png"), 3, 7, (_, _) => new SKColor(40, 80, 120));
        var wide = new FolderDataSpec(root, 3, null, Where) { ResizeShorter = 2 };
        var e = Assert.ThrowsExactly<MrfiException>(() => ImageFolder.Load(wide, new PixelScaling([0.0], [1.0]), 0));
        StringAssert.Contains(e.Message, "is 2×4 pixels but");
        StringAssert.Contains(e.Message, "set [data] crop");
        using var one = ImageFolder.Load(wide, new PixelScaling([0.0], [1.0]), 1);
        CollectionAssert.AreEqual(new long[] { 1, 3, 2, 4 }, one.Images.shape);
        Assert.IsTrue(one.Images[0, 1].eq(80 / 255f).all().item<bool>());
        using var both = ImageFolder.Load(wide with { Crop = (2, 2) }, new PixelScaling([0.0], [1.0]), 0);
        CollectionAssert.AreEqual(new long[] { 2, 3, 2, 2 }, both.Images.shape);
        var tooBig = wide with { Crop = (3, 3) };
        e = Assert.ThrowsExactly<MrfiException>(() => ImageFolder.Load(tooBig, new PixelScaling([0.0], [1.0]), 0));
        StringAssert.Contains(e.Message, "smaller than crop = [3, 3]");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Bgr_order_with_raw_0_to_255_pixels_and_per_channel_mean_and_std()
    {
        string root = Repo.TempFolder("bgr");
        Write(Path.Combine(root, "a", "1.png"), 1, 1, (_, _) => new SKColor(10, 20, 30));
        var spec = new FolderDataSpec(root, 3, null, Where) { Bgr = true };
        using var data = ImageFolder.Load(spec, new PixelScaling([1.0, 2.0, 3.0], [2.0, 4.0, 5.0], 255), 0);
        // Channel 0 is blue: (30 − 1) / 2; channel 1 green: (20 − 2) / 4; channel 2 red: (10 − 3) / 5.
        float[] expected = [14.5f, 4.5f, 1.4f];
        var got = data.Images.flatten().data<float>().ToArray();
        for (int c = 0; c < 3; c++) Assert.AreEqual(expected[c], got[c], 1e-6, $"channel {c}");
        using var rgb = ImageFolder.Load(spec with { Bgr = false }, new PixelScaling([0.0], [1.0]), 0);
        Assert.AreEqual(10 / 255f, rgb.Images[0, 0, 0, 0].item<float>(), "RGB and [0, 1] by default");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Scale_255_multiplies_idx_pixels_by_exactly_one()
    {
        using var unit = DatasetLoader.LoadIdx(Repo.Asset("fmnist_test1000-images-idx3-ubyte"),
            Repo.Asset("fmnist_test1000-labels-idx1-ubyte"), [0.0], [1.0], 5);
        using var raw = DatasetLoader.LoadIdx(Repo.Asset("fmnist_test1000-images-idx3-ubyte"),
            Repo.Asset("fmnist_test1000-labels-idx1-ubyte"), new PixelScaling([0.0], [1.0], 255), 5);
        Assert.IsTrue(raw.Images.eq(raw.Images.round()).all().item<bool>(), "whole numbers");
        Assert.IsTrue(raw.Images.div(255).sub(unit.Images).abs().max().item<float>() < 1e-7f);
        Assert.AreEqual(255f, raw.Images.max().item<float>());
    }
}
