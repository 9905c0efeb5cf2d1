using Mrfi.Core.Benchmarks;

namespace Mrfi.Core.Tests.Benchmarks;

[TestClass]
public sealed class BenchScenariosTests
{
    private static readonly IReadOnlyList<BenchScenario> Rows = BenchScenarios.For("conv2", null);

    private static string TopKObserve(IReadOnlyList<BenchScenario> rows)
    {
        string config = BenchScenarios.Config("[model]\narchitecture = \"LeNet\"\n", 4, rows);
        int at = config.IndexOf("method = \"TopKChange\"", StringComparison.Ordinal);
        return at < 0 ? "" : config[at..].Split('\n')[1];
    }

    [TestMethod]
    public void TopKChange_keeps_every_Linear_layer_when_all_give_class_scores()
    {
        var rows = BenchScenarios.WithTopK(Rows, [("fc1", true), ("fc2", true)]);
        Assert.AreSame(Rows, rows);
        Assert.AreEqual("module_type = [\"Linear\"]", TopKObserve(rows));
    }

    [TestMethod]
    public void TopKChange_observes_only_the_layers_with_N_by_classes_outputs()
    {
        var rows = BenchScenarios.WithTopK(Rows, [("layers.0.query.MatMul", false), ("pooler.Gemm", true), ("head", true)]);
        Assert.HasCount(Rows.Count, rows);
        Assert.AreEqual("module_fullname = [\"pooler.Gemm\", \"head\"]", TopKObserve(rows));
        // The other observers keep the default layers.
        StringAssert.Contains(BenchScenarios.Config("", 4, rows), "method = \"MinMax\"\nmodule_type = [\"Conv2d\", \"Linear\"]");
    }

    [TestMethod]
    public void TopKChange_is_left_out_when_no_layer_gives_class_scores()
    {
        var rows = BenchScenarios.WithTopK(Rows, [("layers.0.query.MatMul", false)]);
        Assert.HasCount(Rows.Count - 1, rows);
        Assert.IsFalse(rows.Any(r => r.Observer == "TopKChange"));
        Assert.AreEqual("", TopKObserve(rows));
    }
}
