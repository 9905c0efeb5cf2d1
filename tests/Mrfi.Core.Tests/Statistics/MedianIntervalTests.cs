using Mrfi.Core.Statistics;

namespace Mrfi.Core.Tests.Statistics;

/// <summary>The sign-test interval of a median against order statistics worked out from the binomial distribution here.</summary>
[TestClass]
public sealed class MedianIntervalTests
{
    [TestMethod]
    public void Fifteen_values_give_the_4th_and_12th_smallest_and_their_median()
    {
        // P(X ≤ 3) = 576 / 32768 = 0.0176 (coverage 0.965), P(X ≤ 4) = 1941 / 32768 = 0.0592 (0.882): k = 4.
        var values = Enumerable.Range(1, 15).Select(i => (double)(i * 7 % 15 + 1)).ToArray();  // 1…15, shuffled
        Assert.AreEqual((8.0, 4.0, 12.0), MedianInterval.Of(values));
    }

    [TestMethod]
    public void Sixty_values_give_the_order_statistics_of_the_binomial_tail()
    {
        // For n = 60 the interval is [x(k), x(61 − k)] with the largest k such that 2·P(X ≤ k − 1) ≤ 0.05.
        int n = 60, expected = 0;
        for (int k = 1; k <= n / 2; k++)
        {
            double tail = Enumerable.Range(0, k).Sum(i => Binomial(n, i)) / Math.Pow(2, n);
            if (1 - 2 * tail >= 0.95) expected = k;
        }
        Assert.AreEqual(22, expected, "the binomial table's value for n = 60");
        var (median, low, high) = MedianInterval.Of([.. Enumerable.Range(1, n).Select(i => (double)i)]);
        Assert.AreEqual((30.5, (double)expected, (double)(n + 1 - expected)), (median, low, high));
    }

    [TestMethod]
    public void Too_few_values_give_their_whole_range_and_none_give_NaN()
    {
        Assert.AreEqual((3.0, 1.0, 5.0), MedianInterval.Of([5, 1, 3, 2, 4]));
        Assert.IsTrue(double.IsNaN(MedianInterval.Of([]).Median));
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
