using Mrfi.Core.Observers;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Observers;

[TestClass]
public sealed class ObserverTests
{
    private static Tensor T(params float[] v) => torch.tensor(v);

    private static double Metric(IObserver o, string name) => o.Result().Single(m => m.Name == name).Value;

    [TestMethod]
    public void Rmse_is_the_root_of_the_mean_of_per_batch_mse()
    {
        // MRFI test_observer.py: sqrt(mean([1, 4])) = sqrt(2.5) (equal batch sizes: both averaging modes agree).
        var o = new RmseObserver();
        o.UpdateGolden(T(0, 0));
        o.Update(T(1, -1));
        o.UpdateGolden(T(1, 1));
        o.Update(T(3, -1));
        Assert.AreEqual(Math.Sqrt(2.5), Metric(o, "rmse"), 1e-12);
    }

    [TestMethod]
    public void Mae_averages_per_batch_mean_absolute_errors()
    {
        var compat = new MaeObserver(mrfiCompat: true);
        var weighted = new MaeObserver();
        foreach (var o in new[] { compat, weighted })
        {
            o.UpdateGolden(T(0, 0));
            o.Update(T(2, -3));      // 2.5 over 2 elements
            o.UpdateGolden(T(1, 1, 1, 1));
            o.Update(T(3, 1, 1, 3)); // 1.0 over 4 elements
        }
        Assert.AreEqual(1.75, Metric(compat, "mae"), 1e-12);
        Assert.AreEqual(9 / 6.0, Metric(weighted, "mae"), 1e-12);
    }

    [TestMethod]
    public void Equal_rate_counts_exactly_equal_elements()
    {
        // MRFI test_observer.py: 4/6, then (4/6 + 1) / 2 = 10/12.
        var o = new EqualRateObserver();
        o.UpdateGolden(T(1, 2, 3, 4, 5, 6));
        o.Update(T(1, 2, 3, 4, 0, 0));
        Assert.AreEqual(4 / 6.0, Metric(o, "equal_rate"), 1e-12);
        o.UpdateGolden(T(1, 2, 3, 4, 5, 6));
        o.Update(T(1, 2, 3, 4, 5, 6));
        Assert.AreEqual(10 / 12.0, Metric(o, "equal_rate"), 1e-12);
    }

    [TestMethod]
    public void Rmse_weights_batches_by_size_unless_mrfi_compat()
    {
        var weighted = new RmseObserver();
        var compat = new RmseObserver(mrfiCompat: true);
        foreach (var o in new[] { weighted, compat })
        {
            o.UpdateGolden(T(0, 0, 0));
            o.Update(T(1, 1, 1));   // mse 1 over 3 elements
            o.UpdateGolden(T(0));
            o.Update(T(2));         // mse 4 over 1 element
        }
        Assert.AreEqual(Math.Sqrt((3 * 1 + 1 * 4) / 4.0), Metric(weighted, "rmse"), 1e-12);
        Assert.AreEqual(Math.Sqrt(2.5), Metric(compat, "rmse"), 1e-12);
    }

    [TestMethod]
    public void Mean_abs_and_std_match_mrfi_vectors_in_compat_mode_and_exact_statistics_by_default()
    {
        var meanAbs = new MeanAbsObserver(mrfiCompat: true);
        var exactMean = new MeanAbsObserver();
        foreach (IObserver o in new IObserver[] { meanAbs, exactMean }) o.Update(T(6, -7));
        Assert.AreEqual(6.5, Metric(meanAbs, "mean_abs"), 1e-12);
        foreach (IObserver o in new IObserver[] { meanAbs, exactMean }) o.Update(T(-4, 5, -4, 5));
        Assert.AreEqual(5.5, Metric(meanAbs, "mean_abs"), 1e-12, "(6.5 + 4.5) / 2");
        Assert.AreEqual(31 / 6.0, Metric(exactMean, "mean_abs"), 1e-12, "over all six elements");

        var s = new StdObserver(mrfiCompat: true);
        s.Update(T(1, -2));
        Assert.AreEqual(Math.Sqrt(2.5), Metric(s, "std"), 1e-12);
        s.Update(T(3, -4));
        Assert.AreEqual(Math.Sqrt(7.5), Metric(s, "std"), 1e-12, "sqrt((2.5 + 12.5) / 2)");
        var e = new StdObserver();
        e.Update(T(1, 3));
        e.Update(T(5, 7));
        Assert.AreEqual(Math.Sqrt(5), Metric(e, "std"), 1e-12, "population std of 1, 3, 5, 7");
    }

    [TestMethod]
    public void Max_abs_shape_and_nan_inf_count()
    {
        var max = new MaxAbsObserver();
        max.Update(T(1, -9, 3));
        Assert.AreEqual(9.0, Metric(max, "max_abs"));
        var shape = new ShapeObserver();
        shape.Update(torch.zeros(2, 3, 4));
        CollectionAssert.AreEqual(new double[] { 2, 3, 4 }, shape.Result().Select(m => m.Value).ToArray());
        CollectionAssert.AreEqual(new long?[] { 0, 1, 2 }, shape.Result().Select(m => m.Index).ToArray());
        var bad = new NaNInfCountObserver();
        bad.Update(T(float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1));
        Assert.AreEqual(1.0, Metric(bad, "nan"));
        Assert.AreEqual(2.0, Metric(bad, "inf"));
        Assert.AreEqual(4.0, Metric(bad, "values"));
    }

    [TestMethod]
    public void Histogram_counts_bins_and_out_of_range_values()
    {
        var h = new HistogramObserver(bins: 4, low: 0, high: 2);
        h.Update(T(0, 0.49f, 0.5f, 1.2f, 2, -1, 3, float.NaN));
        var counts = h.Result().Where(m => m.Name == "count").Select(m => m.Value).ToArray();
        CollectionAssert.AreEqual(new double[] { 2, 1, 1, 1 }, counts, "[0,.5) [.5,1) [1,1.5) [1.5,2]");
        Assert.AreEqual(1.0, Metric(h, "below"));
        Assert.AreEqual(1.0, Metric(h, "above"));
        Assert.AreEqual(1.0, Metric(h, "nan"));
    }

    [TestMethod]
    public void Top_k_change_compares_prediction_sets_with_the_golden_run()
    {
        var top1 = new TopKChangeObserver();
        var top2 = new TopKChangeObserver(k: 2);
        using var golden = torch.tensor(new float[] { 3, 2, 1, 1, 2, 3 }).reshape(2, 3);
        using var faulty = torch.tensor(new float[] { 2, 3, 1, 1, 2, 3 }).reshape(2, 3);   // row 0 swaps classes 0 and 1
        foreach (var o in new IGoldenAwareObserver[] { top1, top2 }) { o.UpdateGolden(golden); o.Update(faulty); }
        Assert.AreEqual(0.5, Metric(top1, "topk_change"));
        Assert.AreEqual(0.0, Metric(top2, "topk_change"), "the top-2 set {0, 1} is unchanged");
    }

    [TestMethod]
    public void Uniform_sampling_keeps_a_uniform_sample_of_everything_seen()
    {
        var o = new UniformSamplingObserver(maxSamples: 1000, seed: 3);
        for (int b = 0; b < 10; b++) o.Update(torch.arange(b * 1000, (b + 1) * 1000, dtype: ScalarType.Float32).reshape(10, 100));
        var samples = o.Result().Select(m => m.Value).ToArray();
        Assert.HasCount(1000, samples);
        Assert.HasCount(1000, samples.Distinct().ToArray(), "without replacement");
        // Each tenth of the 10000 values should hold about 100 samples (hypergeometric sd ≈ 9.5).
        for (int b = 0; b < 10; b++) Assert.AreEqual(100, samples.Count(v => v >= b * 1000 && v < (b + 1) * 1000), 40);
    }

    [TestMethod]
    public void Save_last_keeps_the_last_golden_and_faulty_values()
    {
        var o = new SaveLastObserver(limit: 2);
        o.UpdateGolden(T(1, 2, 3));
        o.Update(T(4, 5, 6));
        var r = o.Result();
        CollectionAssert.AreEqual(new double[] { 1, 2 }, r.Where(m => m.Name == "golden").Select(m => m.Value).ToArray());
        CollectionAssert.AreEqual(new double[] { 4, 5 }, r.Where(m => m.Name == "faulty").Select(m => m.Value).ToArray());
        CollectionAssert.AreEqual(new double[] { 3 }, r.Where(m => m.Name == "size").Select(m => m.Value).ToArray());
    }

    [TestMethod]
    public void Comparison_observers_need_a_golden_run_before_each_faulty_run()
    {
        var o = new RmseObserver();
        Assert.ThrowsExactly<InvalidOperationException>(() => o.Update(T(1)));
        o.UpdateGolden(T(1));
        o.Update(T(1));
        Assert.ThrowsExactly<InvalidOperationException>(() => o.Update(T(1)));
    }

    [TestMethod]
    public void Reset_forgets_previous_batches()
    {
        var o = new RmseObserver();
        o.UpdateGolden(T(0));
        o.Update(T(10));
        o.Reset();
        o.UpdateGolden(T(0));
        o.Update(T(2));
        Assert.AreEqual(2.0, Metric(o, "rmse"), 1e-12);
    }

    [TestMethod]
    public void Min_max_tracks_every_value_seen_in_faulty_runs()
    {
        var o = new MinMaxObserver();
        o.Update(T(1, -2, 3));
        o.Update(T(0.5f, 7));
        Assert.AreEqual(-2.0, Metric(o, "min"));
        Assert.AreEqual(7.0, Metric(o, "max"));
        o.Reset();
        o.Update(T(4));
        Assert.AreEqual(4.0, Metric(o, "min"));
    }

    [TestMethod]
    public void Observers_read_before_any_tensor_report_nan_not_a_plausible_value()
    {
        // MRFI gives None (MinMax, MaxAbs, Shape, SaveLast), NaN (Std, RMSE, MAE, EqualRate) or raises (MeanAbs, UniformSampling).
        IObserver[] scalars = [new MinMaxObserver(), new MaxAbsObserver(), new MeanAbsObserver(), new StdObserver(), new RmseObserver(),
            new MaeObserver(), new EqualRateObserver()];
        foreach (var o in scalars)
            Assert.IsTrue(o.Result().All(m => double.IsNaN(m.Value) && m.Index is null),
                $"{o.GetType().Name}: {string.Join(", ", o.Result())}");
        // Observers whose rows describe what they saw have one NaN row without an index, so the metric is still named.
        Assert.AreEqual(new ObserverMetric("size", double.NaN), new ShapeObserver().Result().Single());
        Assert.AreEqual(new ObserverMetric("size", double.NaN), new SaveLastObserver().Result().Single());
        var sampling = new UniformSamplingObserver();
        Assert.AreEqual(new ObserverMetric("sample", double.NaN), sampling.Result().Single());
        // After a reset too; and what is then seen is measured: a zero maximum, and an empty sample of empty tensors.
        var max = new MaxAbsObserver();
        max.Update(T(0, 0));
        Assert.AreEqual(0.0, Metric(max, "max_abs"));
        max.Reset();
        Assert.IsTrue(double.IsNaN(Metric(max, "max_abs")));
        var minmax = new MinMaxObserver();
        minmax.Update(T(float.PositiveInfinity));
        Assert.AreEqual(double.PositiveInfinity, Metric(minmax, "min"), "a tensor of +inf is measured");
        sampling.Update(torch.zeros(0));
        Assert.IsEmpty(sampling.Result());
        var shape = new ShapeObserver();
        shape.Update(torch.tensor(1.0f));
        Assert.IsEmpty(shape.Result(), "a 0-dim tensor has no dimensions");
    }
}
