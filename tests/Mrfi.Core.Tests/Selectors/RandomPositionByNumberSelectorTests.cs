using Mrfi.Core.Selectors;
using TorchSharp;

namespace Mrfi.Core.Tests.Selectors;

[TestClass]
public sealed class RandomPositionByNumberSelectorTests
{
    [TestMethod]
    public void Selects_n_positions_in_range()
    {
        using var g = new torch.Generator(3);
        using var idx = new RandomPositionByNumberSelector(100).Select([3, 64, 10, 20], g);
        var values = TensorAssert.Longs(idx);
        Assert.HasCount(100, values);
        Assert.IsTrue(values.All(i => i is >= 0 and < 3 * 12800));
    }

    [TestMethod]
    public void Per_instance_selects_n_positions_inside_each_batch_item()
    {
        using var g = new torch.Generator(3);
        using var idx = new RandomPositionByNumberSelector(100, perInstance: true).Select([3, 64, 10, 20], g);
        var values = TensorAssert.Longs(idx);
        Assert.HasCount(300, values);
        for (int item = 0; item < 3; item++)
            Assert.AreEqual(100, values.Count(i => i / 12800 == item), $"batch item {item}");
    }
}
