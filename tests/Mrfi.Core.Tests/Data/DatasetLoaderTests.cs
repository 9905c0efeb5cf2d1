using System.IO.Compression;
using Mrfi.Core.Data;

namespace Mrfi.Core.Tests.Data;

[TestClass]
public sealed class DatasetLoaderTests
{
    private static string Images => Repo.Asset("fmnist_test1000-images-idx3-ubyte");
    private static string Labels => Repo.Asset("fmnist_test1000-labels-idx1-ubyte");

    [TestMethod]
    public void Reads_idx_images_scaled_to_unit_range_with_labels()
    {
        using var data = DatasetLoader.LoadIdx(Images, Labels, [0.0], [1.0], 0);
        Assert.AreEqual(1000, data.Count);
        CollectionAssert.AreEqual(new long[] { 1, 28, 28 }, data.ImageShape);
        byte[] raw = File.ReadAllBytes(Images);
        // Pixel 400 of image 0 is byte 16 + 400 of the file.
        Assert.AreEqual(raw[16 + 400] / 255.0, TensorAssert.Doubles(data.Images[0].flatten())[400], 1e-6);
        Assert.AreEqual(File.ReadAllBytes(Labels)[8 + 5], TensorAssert.Longs(data.Labels)[5]);
    }

    [TestMethod]
    public void Gzip_idx_reads_the_same_as_raw()
    {
        string folder = Repo.TempFolder("gz");
        string gz = Path.Combine(folder, "images.gz");
        using (var output = new GZipStream(File.Create(gz), CompressionLevel.Fastest)) output.Write(File.ReadAllBytes(Images));
        var (dims, bytes) = IdxFile.Read(gz);
        var (rawDims, rawBytes) = IdxFile.Read(Images);
        CollectionAssert.AreEqual(rawDims, dims);
        CollectionAssert.AreEqual(rawBytes, bytes);
    }

    [TestMethod]
    public void Limit_and_normalization_apply()
    {
        using var data = DatasetLoader.LoadIdx(Images, Labels, [0.5], [0.5], 10);
        Assert.AreEqual(10, data.Count);
        var min = data.Images.min().item<float>();
        Assert.AreEqual(-1.0, min, 1e-6, "(0/255 - 0.5) / 0.5");
    }

    [TestMethod]
    public void Bad_magic_number_is_reported()
    {
        string path = Path.Combine(Repo.TempFolder("idx"), "x");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        var e = Assert.ThrowsExactly<MrfiException>(() => IdxFile.Read(path));
        StringAssert.Contains(e.Message, "bad magic number 01 02 03 04");
    }

    [TestMethod]
    public void Truncated_file_reports_expected_and_actual_sizes()
    {
        string path = Path.Combine(Repo.TempFolder("idx"), "x");
        File.WriteAllBytes(path, File.ReadAllBytes(Images)[..1000]);
        var e = Assert.ThrowsExactly<MrfiException>(() => IdxFile.Read(path));
        StringAssert.Contains(e.Message, "promises 784000 bytes");
        StringAssert.Contains(e.Message, "holds 984");
    }

    [TestMethod]
    public void Missing_file_is_reported()
    {
        var e = Assert.ThrowsExactly<MrfiException>(() => IdxFile.Read("/nonexistent/idx"));
        StringAssert.Contains(e.Message, "data file not found");
    }

    [TestMethod]
    public void Count_mismatch_between_images_and_labels_is_reported()
    {
        string path = Path.Combine(Repo.TempFolder("idx"), "labels");
        byte[] labels = File.ReadAllBytes(Labels)[..108];
        labels[6] = 0;
        labels[7] = 100; // header says 100 labels
        File.WriteAllBytes(path, labels);
        var e = Assert.ThrowsExactly<MrfiException>(() => DatasetLoader.LoadIdx(Images, path, [0.0], [1.0], 0));
        StringAssert.Contains(e.Message, "holds 100 labels but");
        StringAssert.Contains(e.Message, "holds 1000 images");
    }

    [TestMethod]
    public void Reads_cifar10_binary_records()
    {
        const int record = 3073;
        var bytes = new byte[record * 2];
        bytes[0] = 3;
        bytes[1] = 255;                 // red channel, pixel (0,0) of image 0
        bytes[record] = 8;
        bytes[record + 1 + 1024] = 51;  // green channel, pixel (0,0) of image 1
        string path = Path.Combine(Repo.TempFolder("cifar"), "test_batch.bin");
        File.WriteAllBytes(path, bytes);
        using var data = DatasetLoader.LoadCifar10([path], [0.0], [1.0], 0);
        CollectionAssert.AreEqual(new long[] { 3, 8 }, TensorAssert.Longs(data.Labels));
        CollectionAssert.AreEqual(new long[] { 3, 32, 32 }, data.ImageShape);
        Assert.AreEqual(1.0, data.Images[0, 0, 0, 0].item<float>(), 1e-6);
        Assert.AreEqual(0.2, data.Images[1, 1, 0, 0].item<float>(), 1e-6);
    }

    [TestMethod]
    public void Cifar10_file_of_the_wrong_size_is_reported()
    {
        string path = Path.Combine(Repo.TempFolder("cifar"), "bad.bin");
        File.WriteAllBytes(path, new byte[3000]);
        var e = Assert.ThrowsExactly<MrfiException>(() => DatasetLoader.LoadCifar10([path], [0.0], [1.0], 0));
        StringAssert.Contains(e.Message, "not a whole number of CIFAR-10 records");
    }
}
