using Mrfi.Core.Injection;
using Mrfi.Core.Kernels;
using Mrfi.Core.Observers;
using Mrfi.Core.Tests.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Observers;

/// <summary>Observers reducing float32 CPU tensors in place against their tensor forms (the kernels switched off) on the
/// same batches. Counts, extremes and kept values must be equal; sums accumulate in double in another order than libtorch's
/// cascade, so they may differ in the last bits: within a relative 1e-12 (about 4000 double roundings).</summary>
[TestClass]
public sealed class ObserverKernelTests
{
    private const double SumTolerance = 1e-12;

    /// <summary>Three batches of different sizes (tails for the vector loops) with NaN, ±Inf, ±0 and out-of-range values mixed
    /// in.</summary>
    private static List<Tensor> Batches(bool special, int seed = 3)
    {
        using var g = new Generator((ulong)seed);
        var batches = new List<Tensor>();
        foreach (var shape in new long[][] { [64, 6, 24, 24], [7, 5, 3], [33, 120] })
        {
            var t = torch.randn(shape, generator: g).mul_(1.5f);
            if (special)
                using (var flat = t.view(-1))
                {
                    float[] odd = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 1f, -1f, 7f, -7f];
                    for (int i = 0; i < odd.Length; i++) flat[i * 11 % flat.shape[0]] = torch.tensor(odd[i]);
                }
            batches.Add(t);
        }
        return batches;
    }

    private static IReadOnlyList<ObserverMetric> Observe(Func<IObserver> make, bool kernels, bool special)
    {
        using var off = kernels ? null : CpuKernels.Disable();
        var observer = make();
        observer.Reset();
        var batches = Batches(special);
        var goldens = Batches(special: false, seed: 4);
        for (int i = 0; i < batches.Count; i++)
        {
            if (observer is IGoldenAwareObserver g) g.UpdateGolden(goldens[i]);
            observer.Update(batches[i]);
        }
        foreach (var t in batches.Concat(goldens)) t.Dispose();
        return observer.Result();
    }

    private static void AssertAgree(IReadOnlyList<ObserverMetric> reference, IReadOnlyList<ObserverMetric> fused, string what,
        double tolerance)
    {
        Assert.HasCount(reference.Count, fused, what);
        for (int i = 0; i < reference.Count; i++)
        {
            Assert.AreEqual(reference[i].Name, fused[i].Name, what);
            Assert.AreEqual(reference[i].Index, fused[i].Index, what);
            double e = reference[i].Value, a = fused[i].Value;
            if (double.IsNaN(e)) Assert.IsTrue(double.IsNaN(a), $"{what}: {reference[i].Name} is NaN on the tensor path, {a} here");
            else if (tolerance == 0 || double.IsInfinity(e)) Assert.AreEqual(e, a, $"{what}: {reference[i].Name}[{reference[i].Index}]");
            else Assert.AreEqual(e, a, Math.Abs(e) * tolerance, $"{what}: {reference[i].Name}[{reference[i].Index}]");
        }
    }

    [TestMethod]
    [DataRow("MeanAbs", false)] [DataRow("MeanAbs-compat", false)] [DataRow("Std", false)] [DataRow("Std-compat", false)]
    [DataRow("RMSE", false)] [DataRow("MAE", false)] [DataRow("RMSE-compat", false)]
    [DataRow("MeanAbs", true)] [DataRow("Std", true)] [DataRow("RMSE", true)]
    public void Sums_agree_with_the_tensor_path_to_double_rounding(string name, bool special)
    {
        Func<IObserver> make = name switch
        {
            "MeanAbs" => () => new MeanAbsObserver(),
            "MeanAbs-compat" => () => new MeanAbsObserver(mrfiCompat: true),
            "Std" => () => new StdObserver(),
            "Std-compat" => () => new StdObserver(mrfiCompat: true),
            "RMSE" => () => new RmseObserver(),
            "RMSE-compat" => () => new RmseObserver(mrfiCompat: true),
            _ => () => new MaeObserver(),
        };
        var fused = Observe(make, kernels: true, special);
        var reference = Observe(make, kernels: false, special);
        if (!special) Assert.IsTrue(fused.All(m => double.IsFinite(m.Value) && m.Value > 0), $"{name}: finite results");
        AssertAgree(reference, fused, name, SumTolerance);
    }

    [TestMethod]
    [DataRow("NaNInfCount")] [DataRow("Histogram")] [DataRow("Histogram-wide")] [DataRow("Histogram-many-bins")] [DataRow(
        "MinMax")] [DataRow("MaxAbs")]
    [DataRow("EqualRate")] [DataRow("SaveLast")] [DataRow("SaveLast-all")] [DataRow("UniformSampling")] [DataRow("UniformSampling-small")]
    public void Counts_extremes_and_kept_values_equal_the_tensor_paths(string name)
    {
        Func<IObserver> make = name switch
        {
            "NaNInfCount" => () => new NaNInfCountObserver(),
            "Histogram" => () => new HistogramObserver(bins: 17, low: -2, high: 3),
            "Histogram-wide" => () => new HistogramObserver(bins: 1000, low: -1e-3, high: 1e-3),
            "Histogram-many-bins" => () => new HistogramObserver(bins: 200_000, low: -4, high: 4),
            "MinMax" => () => new MinMaxObserver(),
            "MaxAbs" => () => new MaxAbsObserver(),
            "EqualRate" => () => new EqualRateObserver(),
            "SaveLast" => () => new SaveLastObserver(limit: 1000),
            "SaveLast-all" => () => new SaveLastObserver(),
            "UniformSampling" => () => new UniformSamplingObserver(maxSamples: 5000, seed: 8),
            _ => () => new UniformSamplingObserver(maxSamples: 50, seed: 9),
        };
        foreach (bool special in new[] { false, true })
        {
            // NaN: below
            if (special && name.StartsWith("MinMax", StringComparison.Ordinal) || special
                && name.StartsWith("MaxAbs", StringComparison.Ordinal)) continue;
            var fused = Observe(make, kernels: true, special);
            var reference = Observe(make, kernels: false, special);
            AssertAgree(reference, fused, $"{name}, special values {special}", 0);
        }
    }

    [TestMethod]
    public void Min_max_and_max_abs_turn_nan_like_the_tensor_path()
    {
        foreach (bool kernels in new[] { true, false })
        {
            using var off = kernels ? null : CpuKernels.Disable();
            var minmax = new MinMaxObserver();
            var maxabs = new MaxAbsObserver();
            using var t = torch.tensor(new float[] { 1, float.NaN, -3, 2, 5, 6, 7, 8, 9, 10 });
            minmax.Update(t);
            maxabs.Update(t);
            Assert.IsTrue(minmax.Result().All(m => double.IsNaN(m.Value)), $"kernels {kernels}: min and max");
            Assert.IsTrue(double.IsNaN(maxabs.Result()[0].Value), $"kernels {kernels}: max_abs");
        }
    }

    [TestMethod]
    public void Comparisons_with_a_golden_tensor_from_the_cache_keep_it_without_a_copy_and_agree()
    {
        // The cache's tensors are borrowed (BorrowGolden), not cloned; the observers must see the same values either way.
        var batches = Batches(special: false);
        var goldens = Batches(special: false, seed: 4);
        using var cache = new GoldenCache(long.MaxValue);
        IGoldenAwareObserver[] cached = [new RmseObserver(), new MaeObserver(), new EqualRateObserver(), new SaveLastObserver(limit: 300)];
        IGoldenAwareObserver[] copied = [new RmseObserver(), new MaeObserver(), new EqualRateObserver(), new SaveLastObserver(limit: 300)];
        for (int b = 0; b < batches.Count; b++)
        {
            cache.NextBatch();
            foreach (var o in cached) cache.Add(o, goldens[b]);
        }
        for (int b = 0; b < batches.Count; b++)
        {
            cache.Replay(b);
            foreach (var o in copied) o.UpdateGolden(goldens[b]);
            foreach (var o in cached.Concat(copied)) o.Update(batches[b]);
        }
        for (int i = 0; i < cached.Length; i++) AssertAgree(copied[i].Result(), cached[i].Result(), cached[i].GetType().Name, 0);
        foreach (var t in batches.Concat(goldens)) t.Dispose();
    }

    [TestMethod]
    public void Uniform_sampling_gives_every_value_the_same_chance_across_batches_of_any_size()
    {
        // 40 seeds × 200 samples of 20000 values in batches of 7, 993, 5000, 14000: each value's chance is 1/100.
        const int total = 20_000, k = 200, seeds = 40;
        var counts = new double[20];
        for (int seed = 0; seed < seeds; seed++)
        {
            var o = new UniformSamplingObserver(maxSamples: k, seed: seed);
            long start = 0;
            foreach (long size in new long[] { 7, 993, 5000, 14_000 })
            {
                using var t = torch.arange(start, start + size, dtype: ScalarType.Float32);
                o.Update(t);
                start += size;
            }
            var sample = o.Result().Select(m => m.Value).ToArray();
            Assert.HasCount(k, sample);
            Assert.HasCount(k, sample.Distinct().ToArray(), "without replacement");
            foreach (var v in sample) counts[(int)(v / (total / 20))]++;
        }
        double expected = seeds * k / 20.0;
        double chi2 = Chi2.Statistic(counts, Enumerable.Repeat(expected, 20).ToArray());
        Assert.IsLessThan(Chi2.Quantile999(19), chi2, $"chi-square {chi2:F1} over 20 buckets");
    }
}
