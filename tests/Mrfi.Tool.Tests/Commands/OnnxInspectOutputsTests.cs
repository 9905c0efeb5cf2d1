using System.Text.RegularExpressions;
using Mrfi.Core.Tests.Models.Onnx;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>`inspect --model FILE.onnx` on a graph with several outputs lists each output by name with its own shape and type, in
/// graph order, not only the packed [N, Σ k_i] tensor of the model's row.</summary>
[TestClass]
public sealed class OnnxInspectOutputsTests
{
    [TestMethod]
    public void Inspect_lists_each_graph_output_with_its_own_shape_and_type_in_graph_order()
    {
        // OnnxFixtures.TwoOutputs: "first" = x·W1 [N,3], then "second" = x·W2 [N,2]; inspect feeds a batch of 1.
        string onnx = OnnxFixtures.Write(OnnxFixtures.TwoOutputs(), "two.onnx");
        var result = Cli.Run("inspect", "--model", onnx);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "2 graph outputs, in graph order");
        var lines = result.Output.Split('\n');
        int first = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\W*first\W+\[1,3\]\W+float32\W*$"));
        int second = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\W*second\W+\[1,2\]\W+float32\W*$"));
        Assert.IsGreaterThanOrEqualTo(0, first, result.Output);
        Assert.IsGreaterThan(first, second, "graph order: first, then second\n" + result.Output);
    }

    [TestMethod]
    public void Inspect_of_a_built_in_model_has_no_graph_output_list()
    {
        var result = Cli.Run("inspect", "--model", "LeNet");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.DoesNotContain("graph output", result.Output);
    }
}
