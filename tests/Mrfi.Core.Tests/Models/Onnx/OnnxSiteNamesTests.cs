using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;
using Mrfi.Core.Models.Onnx;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>Site names and types of imported nodes: what module_name, module_type and module_fullname match.</summary>
[TestClass]
public sealed class OnnxSiteNamesTests
{
    [TestMethod]
    public void A_PyTorch_node_is_named_after_the_module_that_emitted_it()
    {
        var names = OnnxSiteNames.Display([
            ("/layer1/layer1.0/conv1/Conv", "Conv"), ("/layer1/layer1.0/relu/Relu", "Relu"), ("/layer1/layer1.0/Add", "Add"),
            ("/layer1/layer1.0/Relu_1", "Relu"), ("/Relu", "Relu"), ("/fc/Gemm", "Gemm")]);
        CollectionAssert.AreEqual(new[] { "layer1.0.conv1", "layer1.0.relu", "layer1.0.Add", "layer1.0.Relu_1", "Relu", "fc" },
            names.ToArray());
    }

    [TestMethod]
    public void Other_exporters_names_stay_as_they_are_and_unnamed_nodes_get_op_type_and_a_number()
    {
        var names = OnnxSiteNames.Display(
            [("p2o.Conv.0", "Conv"), ("", "Relu"), ("", "Relu"), ("MatMul_34", "MatMul"), ("p2o.Conv.0", "Conv")]);
        CollectionAssert.AreEqual(new[] { "p2o.Conv.0", "Relu_0", "Relu_1", "MatMul_34", "p2o.Conv.0_1" }, names.ToArray());
    }

    [TestMethod]
    public void Module_type_matches_the_op_type_and_the_PyTorch_name_meaning_the_same()
    {
        using var graph = OnnxGraphBuilder.Build(OnnxFixtures.FiveSites(), Path.GetTempPath(), "five");
        string[] Match(string type) =>
            [.. ModuleMatcher.Match(graph, new ModuleFilter([], [type], [], [], [], false, default), "test").Select(m => m.Name)];
        CollectionAssert.AreEqual(new[] { "conv" }, Match("Conv"));
        CollectionAssert.AreEqual(new[] { "conv" }, Match("Conv2d"));
        CollectionAssert.AreEqual(new[] { "fc" }, Match("Gemm"));
        CollectionAssert.AreEqual(new[] { "head" }, Match("MatMul"));
        CollectionAssert.AreEqual(new[] { "fc", "head" }, Match("Linear"));
        CollectionAssert.AreEqual(new[] { "act", "act2" }, Match("Relu"));
        Assert.AreEqual("Conv", ModuleMatcher.TypeName(graph, graph.Sites[0].Module));
        CollectionAssert.AreEqual(new[] { "", "conv", "act", "Flatten", "fc", "act2", "head" },
            ModuleMatcher.All(graph).Select(m => m.Name).ToArray());
    }
}
