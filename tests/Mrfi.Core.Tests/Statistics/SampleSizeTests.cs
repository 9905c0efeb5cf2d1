using Mrfi.Core.Statistics;

namespace Mrfi.Core.Tests.Statistics;

[TestClass]
public sealed class SampleSizeTests
{
    [TestMethod]
    public void Normal_quantiles_match_tables()
    {
        Assert.AreEqual(1.959963985, SampleSize.Z(0.95), 1e-6);
        Assert.AreEqual(2.575829304, SampleSize.Z(0.99), 1e-6);
        Assert.AreEqual(1.644853627, SampleSize.Z(0.90), 1e-6);
        Assert.AreEqual(-3.090232306, SampleSize.InverseNormal(0.001), 1e-6);
    }

    [TestMethod]
    public void Leveugle_sample_size_matches_the_closed_form()
    {
        // n = N / (1 + e²(N−1) / (t² · 0.25)) with N = 1e6, e = 1 %, t = 1.96: 9513 faults.
        Assert.AreEqual(9513L, SampleSize.Leveugle(1e6, 0.01, 0.95));
        // A small population needs (almost) all of it.
        Assert.AreEqual(100L, SampleSize.Leveugle(100, 0.001, 0.95));
        // Tighter margins need more.
        Assert.IsGreaterThan(SampleSize.Leveugle(1e6, 0.01, 0.95), SampleSize.Leveugle(1e6, 0.005, 0.95));
    }

    [TestMethod]
    public void Student_t_interval_at_other_confidence_levels_is_close_to_tables()
    {
        // t(0.995, df = 9) = 3.250: a 99 % interval of ten values.
        var values = Enumerable.Range(0, 10).Select(i => (double)i).ToList();
        var (mean, low, high) = Intervals.MeanT(values, 0.99);
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / 9);
        Assert.AreEqual(3.250, (high - low) / 2 / (sd / Math.Sqrt(10)), 0.01);
    }
}
