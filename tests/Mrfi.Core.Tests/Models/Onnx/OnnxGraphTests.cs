using Mrfi.Core.Models.Onnx;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>How a graph is built: constants folded into weights, shapes computed at run time from the batch.</summary>
[TestClass]
public sealed class OnnxGraphTests
{
    [TestMethod]
    public void Weights_behind_Identity_and_in_Constant_nodes_become_the_layers_parameters_and_get_no_site()
    {
        var bias = OnnxFixtures.Weight("b", 2);
        var constant = OnnxFixtures.Node("Constant", "/Constant", [], ["conv.bias"]);
        constant.Attribute.Add(new AttributeProto { Name = "value", T = bias, Type = AttributeProto.Types.AttributeType.Tensor });
        var model = OnnxFixtures.Model([-1, 1, 6, 6], "y",
            [OnnxFixtures.Node("Identity", "/Identity", ["w"], ["conv.weight"]), constant,
             OnnxFixtures.Node("Conv", "/conv/Conv", ["input", "conv.weight", "conv.bias"], ["y"])],
            [OnnxFixtures.Weight("w", 2, 1, 3, 3)]);
        using var graph = OnnxGraphBuilder.Build(model, Path.GetTempPath(), "folded");
        Assert.AreEqual("conv", graph.Sites.Single().Name);
        var parameters = graph.Sites[0].Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
        CollectionAssert.AreEqual(OnnxFixtures.Weight("w", 2, 1, 3, 3).FloatData.ToArray(), parameters["weight"]);
        CollectionAssert.AreEqual(bias.FloatData.ToArray(), parameters["bias"]);
    }

    [TestMethod]
    public void A_reshape_to_a_shape_computed_from_the_batch_works_at_every_batch_size()
    {
        // x [N,1,6,6] → Flatten → Shape = [N, 36] → Reshape(x, that shape): the shape depends on the batch, so it is
        // computed when the graph runs, not at load.
        var model = OnnxFixtures.Model([-1, 1, 6, 6], "y",
            [OnnxFixtures.Node("Flatten", "/Flatten", ["input"], ["f"]), OnnxFixtures.Node("Shape", "/Shape", ["f"], ["s"]),
             OnnxFixtures.Node("Reshape", "/Reshape", ["input", "s"], ["y"])], []);
        using var graph = OnnxGraphBuilder.Build(model, Path.GetTempPath(), "shapes");
        foreach (long batch in new long[] { 1, 5 })
        {
            using var x = torch.arange(batch * 36, ScalarType.Float32).reshape(batch, 1, 6, 6);
            using var y = graph.call(x);
            CollectionAssert.AreEqual(new[] { batch, 36L }, y.shape);
            CollectionAssert.AreEqual(x.data<float>().ToArray(), y.data<float>().ToArray());
        }
    }

    [TestMethod]
    public void Building_a_graph_leaves_torchs_global_generator_where_it_was()
    {
        // TorchSharp layers draw initial weights before the file's replace them; those draws must not shift the draws of
        // anything seeded before the model is built.
        torch.random.manual_seed(7);
        using var expected = torch.rand(4);
        torch.random.manual_seed(7);
        using (OnnxGraphBuilder.Build(OnnxFixtures.FiveSites(), Path.GetTempPath(), "five")) { }
        using var actual = torch.rand(4);
        CollectionAssert.AreEqual(expected.data<float>().ToArray(), actual.data<float>().ToArray());
    }
}
