using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Onnx;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>A bad ONNX file or one that does not fit [data] is one located error (file, line, key), before any trial.</summary>
[TestClass]
public sealed class OnnxModelErrorTests
{
    private static string Config(string onnx, string data = "format = \"synthetic\"\nshape = [1, 6, 6]\ncount = 4\nnum_classes = 3") =>
        ConfigFixture.Write($"""
        [model]
        onnx = "{onnx}"

        [data]
        {data}

        [[fault_inject]]
        name = "w"
        target = "weight"
        module_type = "Conv"
        selector = {"{"} method = "RandomPositionByRate", ber = 1e-3 {"}"}
        error_model = {"{"} method = "FloatRandomBitFlip" {"}"}

        """);

    private static string ErrorOf(string configPath)
    {
        var e = Assert.ThrowsExactly<MrfiException>(() => new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(configPath))
            .Model.Dispose());
        Assert.HasCount(1, e.Problems, e.Message);
        return e.Message;
    }

    private static void AssertAtOnnxKey(string message, params string[] says)
    {
        StringAssert.Contains(message, "mrfi.toml(2,", "file and line of the onnx key");
        StringAssert.Contains(message, "[model] onnx:");
        foreach (var s in says) StringAssert.Contains(message, s);
    }

    [TestMethod]
    public void A_truncated_onnx_file_is_one_error_at_the_onnx_key()
    {
        string path = OnnxFixtures.Write(OnnxFixtures.FiveSites());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        AssertAtOnnxKey(ErrorOf(Config(path)), "not a readable ONNX model");
    }

    [TestMethod]
    public void A_file_that_is_not_onnx_is_one_error_at_the_onnx_key()
    {
        string path = OnnxFixtures.Write(OnnxFixtures.FiveSites());
        File.WriteAllText(path, "this is a text file, not a protobuf");
        AssertAtOnnxKey(ErrorOf(Config(path)), "not a readable ONNX model");
    }

    [TestMethod]
    public void An_unsupported_operator_names_the_node_its_op_type_the_opset_and_the_supported_list()
    {
        var model = OnnxFixtures.Model([-1, 1, 6, 6], "y", [OnnxFixtures.Node("Celu", "/act/Celu", ["input"], ["y"])], []);
        AssertAtOnnxKey(ErrorOf(Config(OnnxFixtures.Write(model))), "node 'act' ('/act/Celu') (Celu, opset 14)",
            "operator Celu is not supported", "Supported operators", "Conv (7–17)");
    }

    [TestMethod]
    public void An_opset_above_the_supported_range_is_refused_with_the_range()
    {
        AssertAtOnnxKey(ErrorOf(Config(OnnxFixtures.Write(OnnxFixtures.FiveSites() is var m ? Reopset(m, 18) : null!))), "opset 18",
            "opsets 7 to 17");
    }

    [TestMethod]
    public void An_unsupported_attribute_value_names_the_node()
    {
        var model = OnnxFixtures.Model([-1, 1, 6, 6], "y", [OnnxFixtures.Node("Pad", "pad1", ["input", "pads"], ["y"], ("mode", "wrap"))],
            [Ints("pads", 0, 0, 1, 1, 0, 0, 1, 1)]);
        AssertAtOnnxKey(ErrorOf(Config(OnnxFixtures.Write(model))), "node 'pad1' (Pad, opset 14)", "mode = wrap is not supported");
    }

    [TestMethod]
    public void An_attribute_no_converter_reads_is_refused_rather_than_ignored()
    {
        var model = OnnxFixtures.Model([-1, 1, 6, 6], "y", [OnnxFixtures.Node("Relu", "r", ["input"], ["y"], ("bogus", 1L))], []);
        AssertAtOnnxKey(ErrorOf(Config(OnnxFixtures.Write(model))), "node 'r' (Relu, opset 14)", "attribute 'bogus' is not supported");
    }

    [TestMethod]
    public void A_missing_external_data_file_is_one_error_naming_the_file()
    {
        var model = OnnxFixtures.FiveSites();
        var weight = model.Graph.Initializer.First(t => t.Name == "fc.weight");
        weight.FloatData.Clear();
        weight.DataLocation = TensorProto.Types.DataLocation.External;
        weight.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "fc_weight.bin" });
        AssertAtOnnxKey(ErrorOf(Config(OnnxFixtures.Write(model))), "tensor 'fc.weight'", "'fc_weight.bin', which does not exist",
            "relative to the .onnx file");
    }

    [TestMethod]
    public void External_data_next_to_the_model_is_read()
    {
        var model = OnnxFixtures.FiveSites();
        var weight = model.Graph.Initializer.First(t => t.Name == "fc.weight");
        var values = weight.FloatData.ToArray();
        weight.FloatData.Clear();
        weight.DataLocation = TensorProto.Types.DataLocation.External;
        weight.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "fc_weight.bin" });
        string path = OnnxFixtures.Write(model);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, "fc_weight.bin"), [.. values.SelectMany(BitConverter.GetBytes)]);
        using var graph = Mrfi.Core.Models.Onnx.OnnxGraphBuilder.Load(path);
        var fc = graph.Sites.First(s => s.Name == "fc").Module.named_parameters().First(p => p.name == "weight").parameter;
        CollectionAssert.AreEqual(values, fc.data<float>().ToArray());
    }

    [TestMethod]
    public void A_graph_input_that_does_not_fit_the_data_is_one_error_at_data()
    {
        string config = Config(OnnxFixtures.Write(OnnxFixtures.FiveSites()),
            "format = \"synthetic\"\nshape = [1, 28, 28]\ncount = 4\nnum_classes = 3");
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(config));
        using var model = plan.Model;
        var e = Assert.ThrowsExactly<MrfiException>(() => CampaignRunner.LoadData(plan).Dispose());
        StringAssert.Contains(e.Message, "mrfi.toml(5,1): error:");
        StringAssert.Contains(e.Message, "expects images of shape [1,6,6] but [data] holds images of shape [1,28,28]");
    }

    [TestMethod]
    public void A_model_key_that_does_not_apply_to_onnx_is_refused()
    {
        string config = ConfigFixture.Write($"""
            [model]
            onnx = "{OnnxFixtures.Write(OnnxFixtures.FiveSites())}"
            in_channels = 3

            [data]
            format = "synthetic"
            shape = [1, 6, 6]
            count = 4
            num_classes = 3
            """);
        StringAssert.Contains(ErrorOf(config), "mrfi.toml(3,1): error: [model] in_channels does not apply to an ONNX model");
    }

    [TestMethod]
    public void An_onnx_model_takes_the_keys_that_say_how_its_outputs_are_scored()
    {
        string config = ConfigFixture.Write($"""
            [model]
            onnx = "{OnnxFixtures.Write(OnnxFixtures.FiveSites())}"
            output = "tensor"
            tolerance = 0.05

            [data]
            format = "synthetic"
            shape = [1, 6, 6]
            count = 4
            num_classes = 3
            """);
        var read = ConfigReader.Read(config);
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(read);
        using var model = plan.Model;
        Assert.AreEqual(0.05, read.Model.Tolerance);
    }

    private static ModelProto Reopset(ModelProto model, long opset)
    {
        model.OpsetImport[0].Version = opset;
        return model;
    }

    private static TensorProto Ints(string name, params long[] values)
    {
        var t = new TensorProto { Name = name, DataType = 7 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        return t;
    }
}
