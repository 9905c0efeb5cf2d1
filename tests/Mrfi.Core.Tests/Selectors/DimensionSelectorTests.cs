using Mrfi.Core.Selectors;
using TorchSharp;

namespace Mrfi.Core.Tests.Selectors;

[TestClass]
public sealed class DimensionSelectorTests
{
    private static readonly long[] Shape = [3, 64, 10, 20];   // MRFI test_selector.py
    private static long[] Run(ISelector s, long[]? shape = null, ulong seed = 1)
    {
        using var g = new torch.Generator(seed);
        using var idx = s.Select(shape ?? Shape, g);
        return TensorAssert.Longs(idx);
    }

    [TestMethod]
    public void Masked_instance_keeps_positions_out_of_instance_zero()
    {
        var idx = Run(new MaskedDimRandomPositionByNumberSelector(n: 100, instance: [0]));
        Assert.HasCount(100, idx);
        Assert.IsTrue(idx.All(i => i >= 12800));
    }

    [TestMethod]
    public void Masked_width_keeps_the_last_columns()
    {
        var idx = Run(new MaskedDimRandomPositionByNumberSelector(n: 100, width: [.. Enumerable.Range(0, 15).Select(i => (long)i)]));
        Assert.IsTrue(idx.All(i => i % 20 >= 15));
    }

    [TestMethod]
    public void Selected_instance_stays_in_instance_zero()
    {
        var idx = Run(new SelectedDimRandomPositionByNumberSelector(n: 100, instance: [0]));
        Assert.IsTrue(idx.All(i => i < 12800));
    }

    [TestMethod]
    public void By_rate_counts_match_mrfi_test()
    {
        // MRFI: rate 1e-2, no poisson, instance [1, 2]: masked → 128 positions (< 12800), selected → 256 (≥ 12800).
        var masked = Run(new MaskedDimRandomPositionByRateSelector(rate: 1e-2, poisson: false, instance: [1, 2]));
        var selected = Run(new SelectedDimRandomPositionByRateSelector(rate: 1e-2, poisson: false, instance: [1, 2]));
        Assert.HasCount(128, masked);
        Assert.IsTrue(masked.All(i => i < 12800));
        Assert.HasCount(256, selected);
        Assert.IsTrue(selected.All(i => i >= 12800));
    }

    [TestMethod]
    public void Several_listed_dimensions_multiply_their_coverage_unless_mrfi_compat()
    {
        // Selected: instance 1 of 3 and channels 0..31 of 64: coverage 1/6 → 38400 · 0.03 / 6 = 192.
        long[] half = [.. Enumerable.Range(0, 32).Select(i => (long)i)];
        var right = Run(new SelectedDimRandomPositionByRateSelector(rate: 0.03, poisson: false, instance: [1], channel: half));
        Assert.HasCount(192, right);
        // MRFI overwrites the factor per dimension: only the channel's 1/2 counts → 576.
        var compat = Run(new SelectedDimRandomPositionByRateSelector(rate: 0.03, poisson: false, mrfiCompat: true, instance: [1],
            channel: half));
        Assert.HasCount(576, compat);
        Assert.IsTrue(right.All(i => i / 12800 == 1 && i / 200 % 64 < 32));
    }

    [TestMethod]
    public void Two_aliases_for_one_dimension_are_an_error() =>
        Assert.ThrowsExactly<ArgumentException>(() => new SelectedDimRandomPositionByNumberSelector(instance: [0], outChannel: [1]));

    [TestMethod]
    public void Out_of_range_index_is_an_error() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Run(new SelectedDimRandomPositionByNumberSelector(channel: [64])));

    [TestMethod]
    public void Fixed_pixel_lands_on_the_pixel_with_per_instance_counts()
    {
        var idx = Run(new FixedPixelByNumberSelector(4, [1, 2], perInstance: true), [3, 8, 5, 6]);
        Assert.HasCount(12, idx);
        Assert.IsTrue(idx.All(i => i % 30 == 1 * 6 + 2), "pixel (1, 2) of a 5×6 map");
        for (int b = 0; b < 3; b++) Assert.AreEqual(4, idx.Count(i => i / 240 == b));
        var flat = Run(new FixedPixelByNumberSelector(5, [8]), [3, 8, 5, 6]);
        Assert.IsTrue(flat.All(i => i % 30 == 8), "flat pixel 8 = (1, 2)");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Run(new FixedPixelByNumberSelector(1, [5, 0]), [3, 8, 5, 6]));
    }

    [TestMethod]
    [DataRow(new long[] { 4, 120 })]
    [DataRow(new long[] { 2, 6, 28 })]
    [DataRow(new long[] { 2, 3, 4, 5, 6 })]
    public void Fixed_pixel_refuses_tensors_that_are_not_four_dimensional(long[] shape)
    {
        // MRFI raises ValueError('FixedPixelByNumber requires 4-D feature map') for any other rank.
        var e = Assert.ThrowsExactly<ArgumentException>(() => Run(new FixedPixelByNumberSelector(1, [0, 0]), shape));
        StringAssert.Contains(e.Message,
            $"FixedPixelByNumber needs a 4-D [N, C, H, W] tensor (a pixel is (h, w) of H × W), not a {shape.Length}-D one");
        StringAssert.Contains(e.Message, "module_type = \"Conv2d\"");
    }

    [TestMethod]
    public void Empty_fix_positions_select_nothing_as_in_mrfi()
    {
        // MRFI's FixPositions(shape, []) and FixPositions(shape, [[], []]) return an empty index tensor: no fault.
        foreach (var positions in new long[][][] { [], [[]], [[], []] })
        {
            var selector = new FixPositionsSelector(positions);
            Assert.IsEmpty(Run(selector, [2, 10]));
            Assert.AreEqual(0, selector.ExpectedFaults([2, 10]));
        }
        Assert.ThrowsExactly<ArgumentException>(() => Run(new FixPositionsSelector([[], [], []]), [2, 10]),
            "three coordinate lists for two dimensions");
        Assert.ThrowsExactly<ArgumentException>(() => new FixPositionsSelector([[1], []]), "lists of different lengths");
    }

    [TestMethod]
    public void Fix_positions_takes_flat_indices_or_mrfi_per_dimension_lists()
    {
        // MRFI test_selector.py: per-dimension lists [[0, 1], [2, 3]] on (2, 10) select (0, 2) and (1, 3).
        CollectionAssert.AreEqual(new long[] { 2, 13 }, Run(new FixPositionsSelector([[0, 1], [2, 3]]), [2, 10]));
        CollectionAssert.AreEqual(new long[] { 1, 5, 7 }, Run(new FixPositionsSelector([[1, 5, 7]]), [2, 10]));
        // Every index is checked, not only the last (MRFI's bug).
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Run(new FixPositionsSelector([[25, 1]]), [2, 10]));
    }
}
