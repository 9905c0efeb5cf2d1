using Mrfi.Core.Tests.Configuration;

namespace Mrfi.Core.Tests.Campaigns;

/// <summary>Entries at the edges of what MRFI accepts, run as whole campaigns from TOML.</summary>
[TestClass]
public sealed class MrfiEdgeEntryTests
{
    private static MemorySink Run(string toml) => CampaignRun.Of(toml);

    private static string Entry(string quantization, string selector, string errorModel,
        string modules = "module_type = [\"Conv2d\", \"Linear\"]") =>
        ConfigFixture.Full($"""
            [[fault_inject]]
            name = "e"
            target = "activation_out"
            {modules}
            quantization = {quantization}
            selector = {selector}
            error_model = {errorModel}

            """);

    [TestMethod]
    public void Empty_fix_positions_run_as_a_no_fault_control()
    {
        var sink = Run(Entry("{ method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }",
            "{ method = \"FixPositions\", positions = [] }", "{ method = \"IntRandomBitFlip\", bit_width = 8 }"));
        var trial = sink.Trials.Single();
        Assert.AreEqual(0, trial.Faults);
        Assert.AreEqual(trial.GoldenAccuracy, trial.Accuracy, "no fault: the quantized golden run");
    }

    [TestMethod]
    public void One_bit_positive_quantization_runs_with_one_bit_flips()
    {
        var sink = Run(Entry("{ method = \"PositiveQuantization\", bit_width = 1, dynamic_range = \"auto\" }",
            "{ method = \"RandomPositionByNumber\", n = 5 }", "{ method = \"IntRandomBitFlip\", bit_width = 1 }"));
        Assert.AreEqual(5L * 5 * 4, sink.Trials.Single().Faults, "5 faults in each of 5 layers, 4 batches");
    }

    [TestMethod]
    public void Fixed_pixel_on_a_linear_layer_is_an_error_at_the_selector_naming_layer_and_shape()
    {
        string toml = Entry("{ method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }",
            "{ method = \"FixedPixelByNumber\", n = 1, pixel = [0, 0] }", "{ method = \"IntSignBitFlip\", bit_width = 8 }",
            "module_name = [\"conv2\", \"fc1\"]");
        int line = toml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.StartsWith("selector", StringComparison.Ordinal)).i + 1;
        var e = Assert.ThrowsExactly<MrfiException>(() => Run(toml));
        StringAssert.Contains(e.Message, $"mrfi.toml({line},");
        StringAssert.Contains(e.Message,
            "fault entry 'e' at module 'fc1' (output, shape [50,120]): FixedPixelByNumber needs a 4-D [N, C, H, W] tensor");
    }
}
