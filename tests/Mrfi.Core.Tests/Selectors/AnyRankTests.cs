using Mrfi.Core.Selectors;
using TorchSharp;

namespace Mrfi.Core.Tests.Selectors;

[TestClass]
public sealed class AnyRankTests
{
    private static readonly long[][] Shapes = [[50], [6, 7], [3, 4, 5], [2, 3, 4, 5], [2, 3, 4, 5, 6]];

    private static IEnumerable<ISelector> Selectors(long[] shape) =>
    [
        new EmptySelector(),
        new FixPositionSelector([.. shape.Select(d => d - 1)]),
        new FixPositionsSelector([[0, shape.Aggregate(1L, (a, b) => a * b) - 1]]),
        new RandomPositionByNumberSelector(5),
        new RandomPositionByNumberSelector(2, perInstance: true),
        new RandomPositionByRateSelector(rate: 0.05),
        new RandomPositionByRateClassicSelector(rate: 0.05),
        new MaskedDimRandomPositionByNumberSelector(n: 5, d0: [0]),
        new SelectedDimRandomPositionByNumberSelector(n: 5, d0: [1]),
        new MaskedDimRandomPositionByRateSelector(rate: 0.05, d0: [0]),
        new SelectedDimRandomPositionByRateSelector(rate: 0.05, d0: [1]),
    ];

    [TestMethod]
    public void Every_selector_returns_valid_flat_positions_for_ranks_1_to_5()
    {
        using var g = new torch.Generator(3);
        foreach (var shape in Shapes)
        {
            long numel = shape.Aggregate(1L, (a, b) => a * b);
            foreach (var selector in Selectors(shape))
            {
                using var idx = selector.Select(shape, g);
                Assert.AreEqual(TorchSharp.torch.ScalarType.Int64, idx.dtype);
                Assert.AreEqual(1, idx.dim());
                Assert.IsTrue(TensorAssert.Longs(idx).All(i => i >= 0 && i < numel),
                    $"{selector.GetType().Name} on [{string.Join(",", shape)}]");
            }
        }
    }

    [TestMethod]
    public void Selected_dimension_holds_on_a_five_dimensional_tensor()
    {
        using var g = new torch.Generator(4);
        using var idx = new SelectedDimRandomPositionByNumberSelector(n: 200, d4: [5]).Select([2, 3, 4, 5, 6], g);
        Assert.IsTrue(TensorAssert.Longs(idx).All(i => i % 6 == 5));
    }
}
