using System.Buffers;
using Mrfi.Core.Kernels;
using TorchSharp;

namespace Mrfi.Core.Tests.Kernels;

[TestClass]
public sealed class PositionSetTests
{
    private static long[] Rented(IEnumerable<long> values)
    {
        var list = values.ToArray();
        var rented = ArrayPool<long>.Shared.Rent(Math.Max(1, list.Length));
        list.CopyTo(rented, 0);
        return rented;
    }

    [TestMethod]
    [DataRow(20, 1_000_000L)]       // sparse: sorted
    [DataRow(50_000, 100_000L)]     // dense: through the bitmap
    [DataRow(300_000, 1_000L)]      // very dense
    public void Distinct_keeps_each_drawn_position_once_in_ascending_order(int count, long numel)
    {
        var random = new Random(count);
        var drawn = Enumerable.Range(0, count).Select(_ => random.NextInt64(numel)).ToArray();
        using var set = PositionSet.Distinct(Rented(drawn), drawn.Length, numel);
        CollectionAssert.AreEqual(drawn.Distinct().Order().ToArray(), set.Span.ToArray());
        Assert.AreEqual(drawn.Distinct().Count(), set.Count);
    }

    [TestMethod]
    public void Negative_positions_count_from_the_end_as_tensor_indexing_does()
    {
        using var set = PositionSet.Distinct(Rented([-1, 9, 3, -10]), 4, 10);
        CollectionAssert.AreEqual(new long[] { 0, 3, 9 }, set.Span.ToArray());
    }

    [TestMethod]
    public void Positions_outside_the_tensor_are_an_error_naming_them()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PositionSet.Distinct(Rented([2, 10]), 2, 10));
        StringAssert.Contains(e.Message, "position 10");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PositionSet.Distinct(Rented([-11]), 1, 10));
    }

    [TestMethod]
    public void Repeat_puts_the_positions_into_every_sample()
    {
        using var set = PositionSet.Repeat([1, 4], 3, 5);
        CollectionAssert.AreEqual(new long[] { 1, 4, 6, 9, 11, 14 }, set.Span.ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PositionSet.Repeat([5], 2, 5));
    }

    [TestMethod]
    public void Every_position_and_tensors_round_trip()
    {
        using var all = PositionSet.Every(5);
        Assert.AreEqual(5, all.Count);
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 4 }, all.Indices().ToArray());
        using var t = torch.tensor(new long[] { 7, 2, 7 });
        using var set = PositionSet.FromTensor(t, 8);
        using var back = set.ToTensor();
        CollectionAssert.AreEqual(new long[] { 2, 7 }, TensorAssert.Longs(back));
    }
}
