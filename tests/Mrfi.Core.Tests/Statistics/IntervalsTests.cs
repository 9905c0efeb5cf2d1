using Mrfi.Core.Statistics;

namespace Mrfi.Core.Tests.Statistics;

[TestClass]
public sealed class IntervalsTests
{
    [TestMethod]
    public void Wilson_matches_closed_forms()
    {
        // 0 of n: the upper bound is z² / (n + z²).
        var (low, high) = Intervals.Wilson(0, 10);
        Assert.AreEqual(0.0, low, 1e-12);
        Assert.AreEqual(Intervals.Z95 * Intervals.Z95 / (10 + Intervals.Z95 * Intervals.Z95), high, 1e-12);
        // Symmetric around 1/2 for half successes.
        var (l2, h2) = Intervals.Wilson(50, 100);
        Assert.AreEqual(1.0, l2 + h2, 1e-12);
        Assert.AreEqual(0.4038, l2, 1e-4);
        Assert.IsTrue(double.IsNaN(Intervals.Wilson(0, 0).Low));
    }

    [TestMethod]
    public void Wilson_intervals_cover_a_known_rate_at_about_95_percent()
    {
        var rng = new Random(2026);
        foreach (var (p, n) in new[] { (0.02, 500), (0.3, 100), (0.001, 5000) })
        {
            int covered = 0, sims = 3000;
            for (int s = 0; s < sims; s++)
            {
                int k = 0;
                for (int i = 0; i < n; i++) if (rng.NextDouble() < p) k++;
                var (low, high) = Intervals.Wilson(k, n);
                if (low <= p && p <= high) covered++;
            }
            double coverage = covered / (double)sims;
            Assert.IsTrue(coverage is > 0.92 and < 0.985, $"p={p}, n={n}: coverage {coverage:P1}");
        }
    }

    [TestMethod]
    public void Student_t_interval_matches_the_textbook_and_covers_the_mean()
    {
        var (mean, low, high) = Intervals.MeanT([1.0, 2.0, 3.0]);
        Assert.AreEqual(2.0, mean);
        Assert.AreEqual(2.0 - 4.303 / Math.Sqrt(3), low, 1e-3);
        Assert.AreEqual(2.0 + 4.303 / Math.Sqrt(3), high, 1e-3);
        var rng = new Random(7);
        int covered = 0, sims = 3000;
        for (int s = 0; s < sims; s++)
        {
            var sample = Enumerable.Range(0, 5)
                .Select(_ => 10 + Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToList();
            var (_, l, h) = Intervals.MeanT(sample);
            if (l <= 10 && 10 <= h) covered++;
        }
        Assert.IsTrue(covered / (double)sims is > 0.93 and < 0.97, $"coverage {covered / (double)sims:P1}");
        Assert.IsTrue(double.IsNaN(Intervals.MeanT([4.0]).Low), "one repeat has no interval");
    }
}
