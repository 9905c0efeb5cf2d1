using System.Runtime.InteropServices;
using System.Text.Json;
using SkiaSharp;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>[data] classes numbers an image folder's classes in the model's order; without it the folders are numbered
/// alphabetically, which validate/plan say, and a run whose golden predictions fit another order warns.</summary>
[TestClass]
public sealed class ClassOrderTests
{
    // Fashion-MNIST's label order; alphabetically they read ankle-boot, bag, coat, dress, pullover, sandal, shirt, …
    private static readonly string[] Names =
        ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"];

    private const int Count = 300;

    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("class-order");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    /// <summary>The first <see cref="Count"/> bundled test images as PNG files, one sub-folder per class named as above.</summary>
    private string ImageFolder()
    {
        byte[] images = File.ReadAllBytes(Path.Combine(Repo.Assets, "fmnist_test1000-images-idx3-ubyte"));
        byte[] labels = File.ReadAllBytes(Path.Combine(Repo.Assets, "fmnist_test1000-labels-idx1-ubyte"));
        string root = Path.Combine(_folder, "images");
        for (int i = 0; i < Count; i++)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(28, 28, SKColorType.Gray8, SKAlphaType.Opaque));
            Marshal.Copy(images, 16 + i * 784, bitmap.GetPixels(), 784);
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            string dir = Directory.CreateDirectory(Path.Combine(root, Names[labels[8 + i]])).FullName;
            File.WriteAllBytes(Path.Combine(dir, $"{i:D4}.png"), png.ToArray());
        }
        return root;
    }

    private static string Config(string data) => Cli.Config(Cli.Small
        .Replace("""
            images = "{assets}/fmnist_test1000-images-idx3-ubyte"
            labels = "{assets}/fmnist_test1000-labels-idx1-ubyte"
            limit = 200
            """, data, StringComparison.Ordinal)
        .Replace("ber = [1e-5, 1e-2]\nrepeats = 2", "ber = [1e-5]\nrepeats = 1", StringComparison.Ordinal));

    private static double Golden(string results) =>
        (double)DuckDb.Query($"SELECT golden_accuracy FROM read_parquet('{results}/trials.parquet')")[0][0]!;

    [TestMethod]
    public void Folder_classes_in_the_models_order_score_as_the_idx_labels_and_alphabetical_order_warns()
    {
        string root = ImageFolder().Replace('\\', '/');
        string alphabetical = Config($"format = \"folder\"\nroot = \"{root}\"\nchannels = 1");
        var validate = Cli.Run("validate", alphabetical);
        Assert.AreEqual(0, validate.ExitCode, validate.Output);
        StringAssert.Contains(validate.Output, "classes (label = name): 0 = ankle-boot, 1 = bag, 2 = coat");
        StringAssert.Contains(validate.Output, "folder names in alphabetical order");
        var wrong = Cli.Run("run", alphabetical, "--out", Path.Combine(_folder, "alphabetical"));
        Assert.AreEqual(0, wrong.ExitCode, wrong.Output);
        StringAssert.Contains(wrong.Output, "is the class order right?");
        StringAssert.Contains(wrong.Output, "label 0 ('ankle-boot') is mostly predicted as 9");

        string ordered = Config($"format = \"folder\"\nroot = \"{root}\"\nchannels = 1\n" +
            $"classes = [{string.Join(", ", Names.Select(n => $"\"{n}\""))}]");
        var plan = Cli.Run("plan", ordered);
        Assert.AreEqual(0, plan.ExitCode, plan.Output);
        StringAssert.Contains(plan.Output, "classes (label = name): 0 = t-shirt, 1 = trouser, 2 = pullover");
        string results = Path.Combine(_folder, "ordered");
        var right = Cli.Run("run", ordered, "--out", results);
        Assert.AreEqual(0, right.ExitCode, right.Output);
        Assert.IsFalse(right.Output.Contains("class order", StringComparison.Ordinal), right.Output);
        string idx = Config($"images = \"{Repo.Assets}/fmnist_test1000-images-idx3-ubyte\"\n" +
            $"labels = \"{Repo.Assets}/fmnist_test1000-labels-idx1-ubyte\"\nlimit = {Count}");
        Assert.AreEqual(0, Cli.Run("run", idx, "--out", Path.Combine(_folder, "idx")).ExitCode);
        // The same 300 images with the same labels: the same golden accuracy, exactly (PNG keeps 8-bit gray pixels).
        Assert.AreEqual(Golden(Path.Combine(_folder, "idx")), Golden(results));
        Assert.IsLessThan(Golden(results) - 0.3, Golden(Path.Combine(_folder, "alphabetical")), "alphabetical order mislabels most images");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "manifest.json")));
        var map = manifest.RootElement.GetProperty("class_labels");
        for (int label = 0; label < Names.Length; label++) Assert.AreEqual(label, map.GetProperty(Names[label]).GetInt32());
        Assert.AreEqual("[data] classes", manifest.RootElement.GetProperty("class_order").GetString());
    }

    [TestMethod]
    public void A_class_without_folder_or_a_folder_left_out_is_an_error_at_the_classes_key()
    {
        string root = ImageFolder().Replace('\\', '/');
        string typo = Config($"format = \"folder\"\nroot = \"{root}\"\nchannels = 1\n" +
            $"classes = [{string.Join(", ", Names.Select(n => $"\"{(n == "trouser" ? "trousers" : n)}\""))}]");
        var result = Cli.Run("validate", typo);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "mrfi.toml(9,1): error: [data] classes");
        StringAssert.Contains(result.Output, "[data] classes: 'trousers' has no sub-folder");
        StringAssert.Contains(result.Output, "Did you mean 'trouser'?");
        string missing = Config($"format = \"folder\"\nroot = \"{root}\"\nchannels = 1\n" +
            $"classes = [{string.Join(", ", Names.Where(n => n != "bag").Select(n => $"\"{n}\""))}]");
        var left = Cli.Run("validate", missing);
        Assert.AreEqual(2, left.ExitCode, left.Output);
        StringAssert.Contains(left.Output, "the sub-folder 'bag'");
        StringAssert.Contains(left.Output, "is not in the list");
    }
}
