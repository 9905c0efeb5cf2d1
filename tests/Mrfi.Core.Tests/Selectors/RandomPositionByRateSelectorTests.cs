using Mrfi.Core.Selectors;
using TorchSharp;

namespace Mrfi.Core.Tests.Selectors;

[TestClass]
public sealed class RandomPositionByRateSelectorTests
{
    private static readonly long[] Shape = [2, 64, 10, 10];   // 12800 values, as in MRFI's test

    [TestMethod]
    public void Rate_zero_selects_nothing()
    {
        using var g = new torch.Generator(1);
        using var idx = new RandomPositionByRateSelector(rate: 0).Select(Shape, g);
        Assert.AreEqual(0, idx.numel());
    }

    [TestMethod]
    public void Without_poisson_selects_the_rounded_expectation()
    {
        // MRFI test_selector.py: rate 1e-3 on 12800 values gives exactly 13 (12.8 rounded).
        using var g = new torch.Generator(1);
        using var idx = new RandomPositionByRateSelector(rate: 1e-3, poisson: false).Select(Shape, g);
        Assert.AreEqual(13, idx.numel());
        Assert.IsTrue(TensorAssert.Longs(idx).All(i => i is >= 0 and < 12800));
    }

    [TestMethod]
    public void Poisson_counts_average_the_expectation()
    {
        using var g = new torch.Generator(7);
        var sel = new RandomPositionByRateSelector(rate: 1e-3);
        var counts = Enumerable.Range(0, 2000).Select(_ => { using var i = sel.Select(Shape, g); return (double)i.numel(); }).ToList();
        double mean = counts.Average();
        double variance = counts.Sum(c => (c - mean) * (c - mean)) / (counts.Count - 1);
        // Poisson(12.8): mean and variance 12.8; the mean of 2000 draws has sd 0.08.
        Assert.AreEqual(12.8, mean, 0.4);
        Assert.AreEqual(12.8, variance, 2.0);
    }

    [TestMethod]
    public void Same_seed_selects_the_same_positions()
    {
        var sel = new RandomPositionByRateSelector(rate: 1e-2);
        using var g1 = new torch.Generator(42);
        using var g2 = new torch.Generator(42);
        using var a = sel.Select(Shape, g1);
        using var b = sel.Select(Shape, g2);
        CollectionAssert.AreEqual(TensorAssert.Longs(a), TensorAssert.Longs(b));
    }

    [TestMethod]
    [DataRow(-0.1)]
    [DataRow(1.0)]
    [DataRow(double.NaN)]
    public void Rejects_rates_outside_0_to_1(double rate) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RandomPositionByRateSelector(rate: rate));

    [TestMethod]
    public void Accepts_exactly_one_tenth_which_mrfi_rejects()
    {
        using var g = new torch.Generator(1);
        using var idx = new RandomPositionByRateSelector(rate: 0.1, poisson: false).Select(Shape, g);
        Assert.AreEqual(1280, idx.numel());
    }
}
