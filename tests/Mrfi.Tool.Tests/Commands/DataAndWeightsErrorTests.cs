namespace Mrfi.Tool.Tests.Commands;

/// <summary>A bad data or weights file is reported like any other config mistake: one message at the line and key that
/// names the file, saying what is wrong with it, and exit code 2.</summary>
[TestClass]
public sealed class DataAndWeightsErrorTests
{
    private static string Validate(string toml)
    {
        var result = Cli.Run("validate", Cli.Config(toml));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        Assert.DoesNotContain("   at ", result.Output, "no stack trace");
        return result.Output;
    }

    private static string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Repo.TempFolder("bad-data"), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string WithImages(string path) =>
        Cli.Small.Replace("{assets}/fmnist_test1000-images-idx3-ubyte", path, StringComparison.Ordinal);

    private static string WithWeights(string path) =>
        Cli.Small.Replace("{assets}/lenet_fmnist.safetensors", path, StringComparison.Ordinal);

    [TestMethod]
    public void Idx_file_with_a_bad_magic_number_names_the_images_key()
    {
        string output = Validate(WithImages(Write("images", [1, 2, 3, 4, 5, 6, 7, 8])));
        StringAssert.Contains(output, "mrfi.toml(6,");
        StringAssert.Contains(output, "error: [data] images: ");
        StringAssert.Contains(output, "not an IDX file (bad magic number 01 02 03 04");
    }

    [TestMethod]
    public void Truncated_idx_file_names_the_images_key_and_says_truncated()
    {
        string output = Validate(WithImages(Write("images", File.ReadAllBytes(Repo.Asset("fmnist_test1000-images-idx3-ubyte"))[..1000])));
        StringAssert.Contains(output, "mrfi.toml(6,");
        StringAssert.Contains(output, "promises 784000 bytes");
        StringAssert.Contains(output, "truncated?");
    }

    [TestMethod]
    public void Idx_file_cut_inside_its_header_says_so()
    {
        string output = Validate(WithImages(Write("images", [0, 0, 8, 3, 0, 0])));
        StringAssert.Contains(output, "mrfi.toml(6,");
        StringAssert.Contains(output, "ends inside its IDX header");
    }

    [TestMethod]
    public void Image_and_label_counts_that_differ_name_the_labels_key()
    {
        byte[] labels = File.ReadAllBytes(Repo.Asset("fmnist_test1000-labels-idx1-ubyte"))[..108];
        labels[6] = 0;
        labels[7] = 100; // the header says 100 labels, and 100 follow
        string path = Write("labels", labels);
        string output = Validate(Cli.Small.Replace("{assets}/fmnist_test1000-labels-idx1-ubyte", path, StringComparison.Ordinal));
        StringAssert.Contains(output, "mrfi.toml(7,");
        StringAssert.Contains(output, "error: [data] labels: ");
        StringAssert.Contains(output, "holds 100 labels but");
        StringAssert.Contains(output, "holds 1000 images");
    }

    [TestMethod]
    public void Data_file_that_is_a_folder_says_it_is_a_folder() =>
        StringAssert.Contains(Validate(WithImages(Repo.TempFolder("images-folder"))), "is a folder");

    [TestMethod]
    public void Weights_path_that_is_a_folder_says_it_is_a_folder()
    {
        string output = Validate(WithWeights(Repo.TempFolder("weights-folder")));
        StringAssert.Contains(output, "mrfi.toml(3,");
        StringAssert.Contains(output, "is a folder");
        Assert.DoesNotContain("not found", output);
    }

    [TestMethod]
    public void Corrupt_safetensors_file_is_not_a_safetensors_file()
    {
        var bytes = new byte[64];
        new Random(1).NextBytes(bytes);
        string output = Validate(WithWeights(Write("lenet.safetensors", bytes)));
        StringAssert.Contains(output, "mrfi.toml(3,");
        StringAssert.Contains(output, "is not a safetensors file");
        Assert.DoesNotContain("overflow", output, "not the reader's JSON length error");
    }

    [TestMethod]
    public void Text_saved_as_pt_is_not_a_pytorch_file()
    {
        string output = Validate(WithWeights(Write("lenet.pt", "this is not a tensor file"u8.ToArray())));
        StringAssert.Contains(output, "mrfi.toml(3,");
        StringAssert.Contains(output, "is not a PyTorch torch.save file");
    }

    [TestMethod]
    public void Weights_of_another_architecture_give_one_summary()
    {
        string output = Validate(WithWeights(Repo.Asset("resnet18s_fmnist.safetensors")));
        StringAssert.Contains(output, "mrfi.toml(3,");
        StringAssert.Contains(output, "0 of 10 tensors match by name and shape; the file looks like another architecture");
        StringAssert.Contains(output, "the model's are under conv1, conv2, fc1, fc2, fc3");
        Assert.DoesNotContain("missing tensor", output, "one summary, not one line per tensor");
    }

    [TestMethod]
    public void A_few_differing_tensors_are_still_listed_by_name()
    {
        string output = Validate(Cli.Small.Replace("architecture = \"LeNet\"", "architecture = \"LeNet\"\nnum_classes = 7",
            StringComparison.Ordinal));
        StringAssert.Contains(output, "tensor 'fc3.weight' has shape [10,84] in the file but the model needs [7,84]");
    }
}
