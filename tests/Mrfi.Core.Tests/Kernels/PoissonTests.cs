using Mrfi.Core.Kernels;

namespace Mrfi.Core.Tests.Kernels;

/// <summary>The managed Poisson sampler (inversion below λ = 10, PTRS above) against the Poisson distribution, at fixed seeds.</summary>
[TestClass]
public sealed class PoissonTests
{
    private const int Draws = 20_000;

    [TestMethod]
    [DataRow(0.3)] [DataRow(2.0)] [DataRow(9.9)] [DataRow(10.0)] [DataRow(37.5)] [DataRow(1000.0)] [DataRow(1e6)]
    public void Counts_follow_the_poisson_distribution(double lambda)
    {
        var random = new ManagedRandom((ulong)(lambda * 1000) + 1);
        var counts = new long[Draws];
        for (int i = 0; i < Draws; i++) counts[i] = Poisson.Draw(lambda, ref random);

        // Cells k = lo … hi (out-of-range draws go to the edge cells), pmf from log-factorials summed here, not Stirling's.
        double sd = Math.Sqrt(lambda);
        long lo = Math.Max(0, (long)(lambda - 7 * sd - 10)), hi = (long)(lambda + 7 * sd + 10);
        var logFactorial = new double[hi + 1];
        for (long k = 2; k <= hi; k++) logFactorial[k] = logFactorial[k - 1] + Math.Log(k);
        int cells = (int)(hi - lo + 1);
        var expected = new double[cells];
        var observed = new double[cells];
        for (int c = 0; c < cells; c++) expected[c] = Draws * Math.Exp(-lambda + (lo + c) * Math.Log(lambda) - logFactorial[lo + c]);
        foreach (long k in counts) observed[(int)(Math.Clamp(k, lo, hi) - lo)]++;
        var (o, e) = Chi2.Group(observed, expected);
        double chi2 = Chi2.Statistic(o, e);
        Assert.IsLessThan(Chi2.Quantile999(o.Count - 1), chi2, $"λ = {lambda}: chi-square {chi2:F1} over {o.Count} cells");

        double mean = counts.Average();
        double variance = counts.Sum(c => (c - mean) * (c - mean)) / (Draws - 1);
        Assert.AreEqual(lambda, mean, 4 * Math.Sqrt(lambda / Draws), $"λ = {lambda}: mean");
        Assert.AreEqual(lambda, variance, 4 * Math.Sqrt((lambda + 2 * lambda * lambda) / Draws), $"λ = {lambda}: variance");
    }

    [TestMethod]
    public void Stirlings_log_factorial_matches_the_sum_of_logs()
    {
        double sum = 0;
        for (long k = 1; k <= 100_000; k++)
        {
            sum += Math.Log(k);
            if (k is 255 or 256 or 257 or 1000 or 100_000)
                Assert.AreEqual(sum, Poisson.LogFactorial(k), sum * 1e-13, $"ln {k}!");
        }
    }

    [TestMethod]
    public void Uniform_integers_cover_a_range_evenly()
    {
        var random = new ManagedRandom(9);
        const int buckets = 7, n = 70_000;
        var counts = new double[buckets];
        for (int i = 0; i < n; i++) counts[random.NextBelow(buckets)]++;
        double chi2 = Chi2.Statistic(counts, Enumerable.Repeat(n / (double)buckets, buckets).ToArray());
        Assert.IsLessThan(Chi2.Quantile999(buckets - 1), chi2);
    }
}
