using Mrfi.Core.Selectors;
using TorchSharp;

namespace Mrfi.Core.Tests.Selectors;

/// <summary>Distributions of the random selectors, checked with chi-square tests at fixed seeds (so they cannot flake).</summary>
[TestClass]
public sealed class SelectorStatisticsTests
{
    private static double PoissonPmf(int k, double lambda) => Math.Exp(-lambda + k * Math.Log(lambda) - LogFactorial(k));

    private static double LogFactorial(int k) => Enumerable.Range(1, k).Sum(i => Math.Log(i));

    [TestMethod]
    public void Fault_counts_follow_poisson_of_numel_times_rate()
    {
        const double lambda = 6.4;   // 6400 values at rate 1e-3
        var selector = new RandomPositionByRateSelector(rate: 1e-3);
        using var g = new torch.Generator(2024);
        const int draws = 4000;
        var counts = new int[40];
        for (int i = 0; i < draws; i++)
        {
            using var idx = selector.Select([64, 100], g);
            counts[Math.Min((int)idx.numel(), 39)]++;
        }
        // Bins 0..13 and ≥14 (expected counts ≥ 5 everywhere).
        double chi2 = 0;
        double tail = 1;
        for (int k = 0; k < 14; k++)
        {
            double p = PoissonPmf(k, lambda);
            tail -= p;
            chi2 += Math.Pow(counts[k] - draws * p, 2) / (draws * p);
        }
        chi2 += Math.Pow(counts.Skip(14).Sum() - draws * tail, 2) / (draws * tail);
        // 14 degrees of freedom: the 99.9 % quantile is 36.1.
        Assert.IsLessThan(36.1, chi2, $"chi-square {chi2:F1}");
    }

    [TestMethod]
    [DataRow("rate")]
    [DataRow("number")]
    [DataRow("classic")]
    public void Positions_are_uniform_over_the_tensor(string kind)
    {
        ISelector selector = kind switch
        {
            "rate" => new RandomPositionByRateSelector(rate: 0.05),
            "number" => new RandomPositionByNumberSelector(50),
            _ => new RandomPositionByRateClassicSelector(rate: 0.05),
        };
        using var g = new torch.Generator(77);
        const int buckets = 20;
        var counts = new long[buckets];
        for (int i = 0; i < 400; i++)
        {
            using var idx = selector.Select([10, 100], g);
            foreach (var p in TensorAssert.Longs(idx)) counts[p / 50]++;
        }
        double expected = counts.Sum() / (double)buckets;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        // 19 degrees of freedom: the 99.9 % quantile is 43.8.
        Assert.IsLessThan(43.8, chi2, $"chi-square {chi2:F1} over {counts.Sum()} positions");
    }

    [TestMethod]
    public void Classic_bernoulli_count_has_the_binomial_mean()
    {
        var selector = new RandomPositionByRateClassicSelector(rate: 1e-3);
        using var g = new torch.Generator(5);
        double mean = Enumerable.Range(0, 300).Average(_ => { using var i = selector.Select([100000], g); return (double)i.numel(); });
        Assert.AreEqual(100.0, mean, 2.0, "mean of 300 draws of Binomial(1e5, 1e-3): sd 0.58");
    }

    [TestMethod]
    public void Ber_becomes_a_rate_per_value_by_the_bits_per_value()
    {
        var selector = new RandomPositionByRateSelector(ber: 1e-3, bits: new ValueBits(8));
        Assert.AreEqual(8e-3, selector.Rate, 1e-18);
        Assert.ThrowsExactly<ArgumentException>(() => new RandomPositionByRateSelector(rate: 1e-3, ber: 1e-3, bits: new ValueBits(8)));
        Assert.ThrowsExactly<ArgumentException>(() => new RandomPositionByRateSelector(ber: 1e-3));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RandomPositionByRateSelector(ber: 0.2, bits: new ValueBits(8)));
    }
}
