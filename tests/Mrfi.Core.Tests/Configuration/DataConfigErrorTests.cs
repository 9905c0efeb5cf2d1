using Mrfi.Core.Configuration;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class DataConfigErrorTests
{
    private static string FolderData(string keys) => $"""
        [data]
        format = "folder"
        root = "{Path.Combine(Repo.Root, "tests", "Mrfi.Core.Tests", "TestFixtures", "image-folder").Replace('\\', '/')}"
        {keys}

        """;

    private static (MrfiException Error, int Line) Fails(string dataKeys, string marker)
    {
        string toml = ConfigFixture.Model + FolderData(dataKeys) + ConfigFixture.Run + ConfigFixture.WeightFault;
        string path = ConfigFixture.Write(toml);
        int line = toml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker, StringComparison.Ordinal)).i + 1;
        return (Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(path)), line);
    }

    [TestMethod]
    public void A_misspelt_channel_order_names_the_line_and_suggests_the_closest()
    {
        var (e, line) = Fails("channels = \"bgrr\"", "bgrr");
        StringAssert.Contains(e.Message, $"mrfi.toml({line},");
        StringAssert.Contains(e.Message, "[data] channels must be 3 or \"rgb\"");
        StringAssert.Contains(e.Message, "Did you mean 'bgr'?");
        (e, _) = Fails("channels = 2", "channels");
        StringAssert.Contains(e.Message, "[data] channels must be");
    }

    [TestMethod]
    public void Resize_and_resize_shorter_together_are_refused()
    {
        var (e, line) = Fails("resize = 28\nresize_shorter = 32", "resize_shorter");
        StringAssert.Contains(e.Message, $"mrfi.toml({line},");
        StringAssert.Contains(e.Message, "resize and resize_shorter exclude each other");
    }

    [TestMethod]
    public void A_bad_crop_or_scale_names_its_key()
    {
        var (e, line) = Fails("crop = [0, 4]", "crop");
        StringAssert.Contains(e.Message, $"mrfi.toml({line},");
        StringAssert.Contains(e.Message, "[data] crop must be a size in pixels (224) or [height, width]");
        (e, line) = Fails("scale = -1", "scale");
        StringAssert.Contains(e.Message, $"mrfi.toml({line},");
        StringAssert.Contains(e.Message, "[data] scale must be a positive number");
        (e, line) = Fails("resize_shorter = 0", "resize_shorter");
        StringAssert.Contains(e.Message, $"mrfi.toml({line},");
    }

    [TestMethod]
    public void The_preprocessing_keys_reach_the_folder_spec()
    {
        string toml = ConfigFixture.Model + FolderData("channels = \"bgr\"\nresize_shorter = 32\ncrop = [28, 30]\nscale = 255")
            + ConfigFixture.Run + ConfigFixture.WeightFault;
        var config = ConfigReader.Read(ConfigFixture.Write(toml));
        var folder = config.Data.Folder!;
        Assert.AreEqual(3, folder.Channels);
        Assert.IsTrue(folder.Bgr);
        Assert.AreEqual(32, folder.ResizeShorter);
        Assert.AreEqual((28, 30), folder.Crop);
        Assert.AreEqual(255.0, config.Data.Scale);
    }

    [TestMethod]
    public void Tensor_files_refuse_pixel_scaling_keys_and_a_missing_file()
    {
        string file = Path.Combine(Repo.Root, "tests", "Mrfi.Core.Tests", "TestFixtures", "tiny-lenet-input.npz").Replace('\\', '/');
        string toml = ConfigFixture.Model + $"[data]\nformat = \"npz\"\nfile = \"{file}\"\nmean = 0.5\n\n" + ConfigFixture.Run
            + ConfigFixture.WeightFault;
        var e = Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(ConfigFixture.Write(toml)));
        StringAssert.Contains(e.Message, "mrfi.toml(7,");
        StringAssert.Contains(e.Message, "[data] mean does not apply to format = \"npz\"");
        toml = ConfigFixture.Model + "[data]\nformat = \"safetensors\"\nfile = \"missing.safetensors\"\n\n" + ConfigFixture.Run
            + ConfigFixture.WeightFault;
        e = Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(ConfigFixture.Write(toml)));
        StringAssert.Contains(e.Message, "mrfi.toml(6,");
        StringAssert.Contains(e.Message, "[data] file: file not found: ");
    }
}
