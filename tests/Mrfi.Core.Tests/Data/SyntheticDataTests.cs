using Mrfi.Core.Configuration;
using Mrfi.Core.Data;

namespace Mrfi.Core.Tests.Data;

[TestClass]
public sealed class SyntheticDataTests
{
    private static ImageDataset Load(long? seed, long runSeed = 1, double mean = 0, double std = 1, long limit = 0) =>
        SyntheticData.Load(new SyntheticDataSpec([3, 8, 8], 50, 4, seed), new PixelScaling([mean], [std]), limit, runSeed);

    [TestMethod]
    public void Synthetic_data_has_the_configured_shape_count_and_label_range()
    {
        using var data = Load(seed: 3);
        CollectionAssert.AreEqual(new long[] { 50, 3, 8, 8 }, data.Images.shape);
        CollectionAssert.AreEqual(new long[] { 50 }, data.Labels.shape);
        var labels = data.Labels.data<long>().ToArray();
        Assert.IsTrue(labels.All(l => l is >= 0 and < 4));
        Assert.AreEqual(4, labels.Distinct().Count(), "50 draws from 4 classes hit every class");
        Assert.IsGreaterThanOrEqualTo(0f, data.Images.min().item<float>());
        Assert.IsLessThan(1f, data.Images.max().item<float>());
        // 9600 uniform draws: the mean is within a few hundredths of 1/2.
        Assert.AreEqual(0.5, data.Images.mean().item<float>(), 0.02);
    }

    [TestMethod]
    public void Same_seed_gives_the_same_images_and_another_seed_does_not()
    {
        using var a = Load(seed: 3);
        using var b = Load(seed: 3, runSeed: 99);
        using var c = Load(seed: 4);
        using var fromRun = Load(seed: null, runSeed: 3);
        Assert.IsTrue(a.Images.equal(b.Images).all().item<bool>() && a.Labels.equal(b.Labels).all().item<bool>());
        Assert.IsFalse(a.Images.equal(c.Images).all().item<bool>());
        Assert.IsTrue(a.Images.equal(fromRun.Images).all().item<bool>(), "no seed key: the [run] seed");
    }

    [TestMethod]
    public void Limit_keeps_the_first_images_and_mean_std_scale_them()
    {
        using var all = Load(seed: 3);
        using var some = Load(seed: 3, mean: 0.5, std: 0.25, limit: 10);
        Assert.AreEqual(10L, some.Count);
        using var expected = all.Images.narrow(0, 0, 10).sub(0.5).div(0.25);
        Assert.IsTrue(some.Images.allclose(expected, rtol: 1e-6, atol: 1e-6));
        Assert.IsTrue(some.Labels.equal(all.Labels.narrow(0, 0, 10)).all().item<bool>());
    }
}
