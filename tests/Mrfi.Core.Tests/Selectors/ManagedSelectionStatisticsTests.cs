using Mrfi.Core.Injection;
using Mrfi.Core.Selectors;
using Mrfi.Core.Tests.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Selectors;

/// <summary>The managed draws of RandomPositionByRate and RandomPositionByNumber against the torch draws they replaced
/// (torch.poisson for the count, torch.randint for the positions, torch.unique for what is injected): two-sample tests at
/// fixed seeds with thresholds at α = 0.001, and one-sample tests against the distributions themselves.</summary>
[TestClass]
public sealed class ManagedSelectionStatisticsTests
{
    private static readonly long[] Shape = [16, 6, 14, 14];   // 18816 values
    private const int Draws = 3000;

    /// <summary>The selector as it was before the managed draws: a torch Poisson count, then torch uniform positions.</summary>
    private static long[] TorchRate(double rate, Generator g)
    {
        long numel = Shapes.Numel(Shape);
        using var lambda = torch.tensor(numel * rate, dtype: ScalarType.Float64);
        using var count = torch.poisson(lambda, g);
        using var positions = torch.randint(0, numel, [(long)count.item<double>()], dtype: ScalarType.Int64, generator: g);
        return TensorAssert.Longs(positions);
    }

    [TestMethod]
    [DataRow(1e-3)]
    [DataRow(2e-2)]
    public void Rate_selector_counts_match_the_torch_draws_it_replaced(double rate)
    {
        var selector = new RandomPositionByRateSelector(rate: rate);
        using var g1 = new Generator(31);
        using var g2 = new Generator(32);
        var managed = Enumerable.Range(0, Draws).Select(_ => { using var t = selector.Select(Shape, g1); return t.numel(); }).ToArray();
        var torchCounts = Enumerable.Range(0, Draws).Select(_ => (long)TorchRate(rate, g2).Length).ToArray();
        var (chi2, df) = Chi2.TwoSample(managed, torchCounts);
        Assert.IsLessThan(Chi2.Quantile999(df), chi2, $"two-sample chi-square {chi2:F1}, {df} degrees of freedom");
        double lambda = Shapes.Numel(Shape) * rate;
        Assert.AreEqual(lambda, managed.Average(), 4 * Math.Sqrt(lambda / Draws), "mean count");
    }

    [TestMethod]
    [DataRow("rate")]
    [DataRow("number")]
    [DataRow("number-per-instance")]
    public void Positions_are_uniform_by_kolmogorov_smirnov(string kind)
    {
        ISelector selector = kind switch
        {
            "rate" => new RandomPositionByRateSelector(rate: 0.01),
            "number" => new RandomPositionByNumberSelector(200),
            _ => new RandomPositionByNumberSelector(13, perInstance: true),
        };
        long numel = Shapes.Numel(Shape);
        using var g = new Generator(41);
        var u = new List<double>();
        for (int i = 0; i < 50; i++)
        {
            using var idx = selector.Select(Shape, g);
            u.AddRange(TensorAssert.Longs(idx).Select(p => (p + 0.5) / numel));
        }
        u.Sort();
        double d = u.Select((x, i) => Math.Max(Math.Abs((i + 1.0) / u.Count - x), Math.Abs(x - i / (double)u.Count))).Max();
        Assert.IsLessThan(Chi2.KsCritical(u.Count), d, $"KS distance {d:F4} over {u.Count} positions");
    }

    [TestMethod]
    public void Per_instance_draws_put_n_positions_in_every_item()
    {
        var selector = new RandomPositionByNumberSelector(9, perInstance: true);
        using var g = new Generator(5);
        using var idx = selector.Select(Shape, g);
        long perItem = Shapes.Numel(Shape) / Shape[0];
        var items = TensorAssert.Longs(idx).GroupBy(p => p / perItem).ToDictionary(x => x.Key, x => x.Count());
        Assert.HasCount((int)Shape[0], items);
        Assert.IsTrue(items.Values.All(c => c == 9));
    }

    [TestMethod]
    public void Injected_positions_match_torch_unique_of_the_torch_draws_in_distribution()
    {
        // What the engine injects: the distinct positions. Each value is then hit independently with probability
        // 1 - exp(-rate) (Poisson splitting), for the managed draw as for the torch one.
        const double rate = 0.05;
        long numel = Shapes.Numel(Shape);
        var selector = new RandomPositionByRateSelector(rate: rate);
        using var g1 = new Generator(51);
        using var g2 = new Generator(52);
        var managed = new List<long>();
        var old = new List<long>();
        for (int i = 0; i < 400; i++)
        {
            using var set = TensorInjector.Draw(selector, Shape, g1);
            managed.Add(set.Count);
            old.Add(TorchRate(rate, g2).Distinct().Count());
        }
        double p = 1 - Math.Exp(-rate);
        double mean = numel * p, sd = Math.Sqrt(numel * p * (1 - p));
        Assert.AreEqual(mean, managed.Average(), 4 * sd / Math.Sqrt(managed.Count), "distinct positions, managed");
        Assert.AreEqual(mean, old.Average(), 4 * sd / Math.Sqrt(old.Count), "distinct positions, torch");
        // Two-sample KS between the two distinct-count samples.
        var a = managed.Order().ToArray();
        var b = old.Order().ToArray();
        double dmax = a.Concat(b).Distinct()
            .Max(x => Math.Abs(a.Count(v => v <= x) / (double)a.Length - b.Count(v => v <= x) / (double)b.Length));
        Assert.IsLessThan(Chi2.KsCritical(a.Length, b.Length), dmax, $"two-sample KS {dmax:F3}");
    }

    [TestMethod]
    public void The_engine_injects_the_selectors_draw_without_duplicates_in_ascending_order()
    {
        var selector = new RandomPositionByRateSelector(rate: 0.3);
        using var g1 = new Generator(61);
        using var g2 = new Generator(61);
        using var drawn = selector.Select(Shape, g1);
        using var set = TensorInjector.Draw(selector, Shape, g2);
        CollectionAssert.AreEqual(TensorAssert.Longs(drawn).Distinct().Order().ToArray(), set.Span.ToArray());
    }
}
