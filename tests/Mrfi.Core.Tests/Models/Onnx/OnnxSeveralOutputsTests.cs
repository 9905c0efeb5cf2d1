using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Campaigns;
using Mrfi.Core.Tests.Configuration;
using Serilog;
using TorchSharp;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>A graph with two outputs: both are scored against their golden outputs (not only the first), each gets its own
/// RMSE in output_rmse, and output = "classes" is refused where the key is written.</summary>
[TestClass]
public sealed class OnnxSeveralOutputsTests
{
    private const int Samples = 20, Batch = 5;

    // Zeroes (or sets) element 0 of one head's output: sample 0 of every batch, that head's first value.
    private static string Config(string onnx, string head, string errorModel, string output = "") => ConfigFixture.Write($$"""
        [model]
        onnx = "{{onnx}}"
        {{output}}

        [data]
        format = "synthetic"
        shape = [1, 2, 3]
        count = {{Samples}}
        num_classes = 3

        [run]
        seed = 3
        batch_size = {{Batch}}

        [[fault_inject]]
        name = "z"
        target = "activation_out"
        module_name = "{{head}}"
        selector = { method = "FixPosition", position = 0 }
        error_model = {{errorModel}}

        """);

    /// <summary>The trial and the data's inputs as plain floats [sample, 6].</summary>
    private static (TrialRecord Trial, CampaignSummary Summary, float[][] Inputs) Run(string config)
    {
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(config));
        using var model = plan.Model;
        using var data = CampaignRunner.LoadData(plan);
        float[][] inputs;
        using (var flat = data.Images.reshape(Samples, 6))
            inputs = [.. Enumerable.Range(0, Samples).Select(i => flat[i].data<float>().ToArray())];
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger()).Run(plan, data, sink, new SilentProgress());
        return (sink.Trials.Single(), sink.Summary!, inputs);
    }

    /// <summary>The golden output of one head, computed here in double: x·W with W[i, j] = 0.01·((i·cols + j) mod 17) −
    /// 0.03.</summary>
    private static double[] Head(float[] x, int cols) =>
        [.. Enumerable.Range(0, cols).Select(j => Enumerable.Range(0, 6).Sum(i => x[i] * (0.01 * ((i * cols + j) % 17) - 0.03)))];

    private static IEnumerable<int> FirstOfEachBatch => Enumerable.Range(0, Samples / Batch).Select(b => b * Batch);

    [TestMethod]
    public void A_fault_in_the_second_output_is_scored_and_each_output_gets_its_own_rmse()
    {
        string onnx = OnnxFixtures.Write(OnnxFixtures.TwoOutputs());
        var (trial, summary, x) = Run(Config(onnx, "head2", "{ method = \"SetZero\" }"));
        Assert.AreEqual("tensor", trial.Output, "two outputs are compared as a tensor, labels or not");
        double squares = FirstOfEachBatch.Sum(s => Head(x[s], 2)[0] * Head(x[s], 2)[0]);
        Assert.HasCount(2, trial.OutputRmse);
        Assert.AreEqual(0.0, trial.OutputRmse[0], "the first output is untouched");
        Assert.AreEqual(Math.Sqrt(squares / (Samples * 2)), trial.OutputRmse[1], 1e-6 * trial.OutputRmse[1]);
        Assert.AreEqual(Math.Sqrt(squares / (Samples * 5)), trial.Rmse, 1e-6 * trial.Rmse, "rmse: over every element of both outputs");
        // Each output against its own golden scale: SDC where |g2[s, 0]| / max_j |g2[s, j]| exceeds the default tolerance.
        long sdc = FirstOfEachBatch.Count(s => Math.Abs(Head(x[s], 2)[0]) / Head(x[s], 2).Max(Math.Abs) > ModelSection.DefaultTolerance);
        Assert.IsGreaterThan(0L, sdc, "the fixture changes some samples beyond the tolerance");
        Assert.AreEqual(sdc, trial.Sdc);
        Assert.AreEqual(4L - sdc, trial.Tolerable);
        Assert.AreEqual(Samples - 4L, trial.Masked);
        Assert.AreEqual(0L, trial.Due);
        CollectionAssert.AreEqual(new[] { "first", "second" }, summary.OutputNames!.ToList(), "manifest.json's outputs");
    }

    [TestMethod]
    public void An_infinity_in_the_first_output_is_a_due_of_the_whole_sample_and_leaves_the_rmse_to_the_finite_samples()
    {
        string onnx = OnnxFixtures.Write(OnnxFixtures.TwoOutputs());
        var (trial, _, _) = Run(Config(onnx, "head1", "{ method = \"SetValue\", value = inf }"));
        Assert.AreEqual(4L, trial.Due);
        Assert.AreEqual(Samples - 4L, trial.Masked);
        CollectionAssert.AreEqual(new[] { 0.0, 0.0 }, trial.OutputRmse.ToArray(), "the DUE samples are left out of both outputs' RMSE");
    }

    [TestMethod]
    public void Output_classes_on_a_graph_with_two_outputs_is_an_error_at_the_output_key()
    {
        string config = Config(OnnxFixtures.Write(OnnxFixtures.TwoOutputs()), "head1", "{ method = \"SetZero\" }", "output = \"classes\"");
        var e = Assert.ThrowsExactly<MrfiException>(() => new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(config))
            .Model.Dispose());
        StringAssert.Contains(e.Message, "mrfi.toml(3,", "file and line of the output key");
        StringAssert.Contains(e.Message, "'first', 'second'");
        StringAssert.Contains(e.Message, "output = \"tensor\"");
    }

    [TestMethod]
    public void One_output_graphs_still_return_their_output_as_it_is()
    {
        using var graph = Mrfi.Core.Models.Onnx.OnnxGraphBuilder.Load(OnnxFixtures.Write(OnnxFixtures.FiveSites()));
        using var output = graph.call(torch.zeros(2, 1, 6, 6));
        CollectionAssert.AreEqual(new long[] { 2, 3 }, output.shape);
        Assert.IsNull(graph.PackedSizes);
    }
}
