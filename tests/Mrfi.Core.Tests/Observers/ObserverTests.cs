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
        // MRFI test_observer.py: sqrt(mean([1, 4])) = sqrt(2.5).
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
        var o = new MaeObserver();
        o.UpdateGolden(T(0, 0));
        o.Update(T(2, -3));      // 2.5
        o.UpdateGolden(T(1, 1, 1, 1));
        o.Update(T(3, 1, 1, 3)); // 1.0
        Assert.AreEqual(1.75, Metric(o, "mae"), 1e-12);
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
    public void Min_max_tracks_every_value_seen()
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
}
