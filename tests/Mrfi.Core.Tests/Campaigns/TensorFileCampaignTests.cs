using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Mrfi.Core.Tests.Data;

namespace Mrfi.Core.Tests.Campaigns;

[TestClass]
public sealed class TensorFileCampaignTests
{
    /// <summary>The first 200 bundled Fashion-MNIST images as float32 [200, 1, 28, 28] (pixels / 255) and int64 labels, in an
    /// .npz.</summary>
    private static string FashionNpz()
    {
        using var images = LeNetFixture.Images(200);
        string path = Path.Combine(Repo.TempFolder("npz-campaign"), "fmnist200.npz");
        NpyBytes.Npz(path, [
            ("x", NpyBytes.Npy("<f4", [200, 1, 28, 28], NpyBytes.Floats(images.Images.flatten().data<float>().ToArray()))),
            ("labels", NpyBytes.Npy("<i8", [200], NpyBytes.Longs(images.Labels.data<long>().ToArray())))]);
        return path;
    }

    [TestMethod]
    public void LeNet_on_an_npz_of_the_idx_images_gives_the_same_trials_as_the_idx_files()
    {
        string npz = FashionNpz().Replace('\\', '/');
        var fromIdx = CampaignRun.Of(ConfigFixture.Full(ConfigFixture.WeightFault, "[sweep]\nrepeats = 3\n\n"));
        var fromNpz = CampaignRun.Of(ConfigFixture.Full(ConfigFixture.WeightFault, "[sweep]\nrepeats = 3\n\n")
            .Replace(ConfigFixture.Data, $"[data]\nformat = \"npz\"\nfile = \"{npz}\"\n\n", StringComparison.Ordinal));
        Assert.HasCount(3, fromNpz.Trials);
        Assert.AreEqual(200L, fromNpz.Trials[0].Total);
        Assert.AreEqual("classes", fromNpz.Trials[0].Output, "2-D logits and labels: scored as classes");
        CollectionAssert.AreEqual(fromIdx.Trials.Select(t =>
            (t.Seed, t.Accuracy, t.Correct, t.Changed, t.Faults, t.Masked, t.Sdc, t.Due, t.Rmse)).ToList(),
            fromNpz.Trials.Select(t => (t.Seed, t.Accuracy, t.Correct, t.Changed, t.Faults, t.Masked, t.Sdc, t.Due, t.Rmse)).ToList());
    }

    [TestMethod]
    public void Integer_inputs_to_a_float_model_are_one_error_at_the_data_table()
    {
        string path = Path.Combine(Repo.TempFolder("npz-int"), "ids.npz");
        NpyBytes.Npz(path, [("ids", NpyBytes.Npy("<i8", [2, 1, 28, 28], NpyBytes.Longs(new long[2 * 784])))]);
        string toml = ConfigFixture.Model + $"[data]\nformat = \"npz\"\nfile = \"{path.Replace('\\', '/')}\"\n\n" + ConfigFixture.Run
            + ConfigFixture.WeightFault;
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(toml)));
        using var model = plan.Model;
        var e = Assert.ThrowsExactly<MrfiException>(() => CampaignRunner.LoadData(plan));
        StringAssert.Contains(e.Message, "mrfi.toml(5,");
        StringAssert.Contains(e.Message, "model LeNet cannot take [data]'s Int64 inputs [2,1,28,28]");
        StringAssert.Contains(e.Message, "float32 for mrfi's built-in architectures");
    }
}
