using Mrfi.Core.Selectors;
using TorchSharp;

namespace Mrfi.Core.Tests.Selectors;

[TestClass]
public sealed class FixPositionSelectorTests
{
    [TestMethod]
    public void Coordinate_and_flat_index_select_the_same_element()
    {
        // MRFI test_selector.py: FixPosition([0,1,2]) on (2,2,3) equals FixPosition([5]).
        using var g = new torch.Generator(0);
        using var a = new FixPositionSelector([0, 1, 2]).Select([2, 2, 3], g);
        using var b = new FixPositionSelector([5]).Select([2, 2, 3], g);
        CollectionAssert.AreEqual(new long[] { 5 }, TensorAssert.Longs(a));
        CollectionAssert.AreEqual(TensorAssert.Longs(a), TensorAssert.Longs(b));
    }

    [TestMethod]
    public void Flattens_five_dimensional_coordinates_row_major()
    {
        // MRFI silently ignores dims beyond 4; we flatten all of them.
        using var g = new torch.Generator(0);
        using var idx = new FixPositionSelector([1, 0, 2, 1, 3]).Select([2, 3, 4, 5, 6], g);
        long expected = (((1 * 3 + 0) * 4 + 2) * 5 + 1) * 6 + 3;
        Assert.AreEqual(expected, TensorAssert.Longs(idx)[0]);
    }

    [TestMethod]
    public void Out_of_range_positions_fail_with_the_shape()
    {
        using var g = new torch.Generator(0);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new FixPositionSelector([12]).Select([2, 2, 3], g));
        StringAssert.Contains(e.Message, "[2, 2, 3]");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new FixPositionSelector([0, 2, 0]).Select([2, 2, 3], g));
        Assert.ThrowsExactly<ArgumentException>(() => new FixPositionSelector([0, 1]).Select([2, 2, 3], g));
    }
}
