using Mrfi.Core.Configuration;
using Mrfi.Results.Schema;

namespace Mrfi.Core.Tests.Configuration;

/// <summary>Each sweep variable's kind comes from the key that uses it, never from the variable's name.</summary>
[TestClass]
public sealed class SweepKindsTests
{
    private static IReadOnlyDictionary<string, string> Kinds(string sweep, string faults) =>
        SweepKinds.Of(ConfigReader.Read(ConfigFixture.Write(ConfigFixture.Full(faults, "[sweep]\n" + sweep + "\n"))));

    private const string Entry = """
        [[fault_inject]]
        name = "w"
        target = "weight"
        module_type = ["Conv2d", "Linear"]

        """;

    [TestMethod]
    public void Selector_and_error_model_arguments_give_rate_bit_error_rate_count_bit_and_channel()
    {
        var kinds = Kinds("a = [1e-5, 1e-3]\nb = [1e-4]\nc = [1, 2]\nd = [0, 7]\ne = [0, 3]\n",
            Entry + "selector = { method = \"RandomPositionByRate\", ber = \"$a\" }\n" +
                "error_model = { method = \"FloatFixedBitFlip\", bit = \"$d\" }\n\n"
            + Entry.Replace("\"w\"", "\"v\"", StringComparison.Ordinal)
            + "selector = { method = \"RandomPositionByRate\", rate = \"$b * 8\" }\n"
            + "error_model = { method = \"IntFixedBitFlip\", bit_width = 8, bit = [\"$d\"] }\n\n"
            + Entry.Replace("\"w\"", "\"u\"", StringComparison.Ordinal)
            + "selector = { method = \"SelectedDimRandomPositionByRate\", rate = 1e-2, channel = \"$e\" }\n"
            + "error_model = { method = \"FloatRandomBitFlip\" }\n\n"
            + Entry.Replace("\"w\"", "\"t\"", StringComparison.Ordinal)
            + "selector = { method = \"RandomPositionByNumber\", n = \"$c\" }\nerror_model = { method = \"FloatRandomBitFlip\" }\n");
        Assert.AreEqual(SweepKind.Ber, kinds["a"]);
        Assert.AreEqual(SweepKind.Rate, kinds["b"]);
        Assert.AreEqual(SweepKind.Count, kinds["c"]);
        Assert.AreEqual(SweepKind.Bit, kinds["d"]);
        Assert.AreEqual(SweepKind.Channel, kinds["e"]);
    }

    [TestMethod]
    public void Module_selectors_give_layer_and_a_pixel_pair_gives_row_and_column()
    {
        var kinds = Kinds("layer_no = [1, 2]\nrow = [0, 1]\ncol = [0, 1]\n", """
            [[fault_inject]]
            name = "a"
            target = "activation_out"
            module_fullname = "features.$layer_no"
            selector = { method = "FixedPixelByNumber", n = 1, pixel = ["$row", "$col"] }
            error_model = { method = "FloatRandomBitFlip" }
            """);
        Assert.AreEqual(SweepKind.Layer, kinds["layer_no"]);
        Assert.AreEqual(SweepKind.PixelY, kinds["row"]);
        Assert.AreEqual(SweepKind.PixelX, kinds["col"]);
    }

    [TestMethod]
    public void The_name_says_nothing_a_variable_called_ber_used_as_a_scale_factor_is_a_value()
    {
        var kinds = Kinds("ber = [0.5, 1.0]\non = [0, 1]\nunused = [1, 2]\nformat = [\"float16\", \"w\"]\n", Entry
            + "enabled = \"$on\"\nquantization = { method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\", "
            + "scale_factor = \"$ber\" }\n"
            + "selector = { method = \"RandomPositionByRate\", rate = 1e-3 }\n"
            + "error_model = { method = \"IntRandomBitFlip\", bit_width = 8 }\n");
        Assert.AreEqual(SweepKind.Value, kinds["ber"]);
        Assert.AreEqual(SweepKind.Switch, kinds["on"]);
        Assert.AreEqual(SweepKind.Value, kinds["unused"]);
        Assert.AreEqual(SweepKind.Label, kinds["format"], "a text variable is a label wherever it is used");
    }

    [TestMethod]
    public void A_variable_used_twice_keeps_the_more_specific_kind_and_the_order_of_sweep()
    {
        var kinds = Kinds("z = [1e-5, 1e-4]\nb = [1, 2]\n", Entry
            + "enabled = \"$z\"\nselector = { method = \"RandomPositionByRate\", ber = \"$z\" }\n"
            + "error_model = { method = \"IntRandomBitFlip\", bit_width = 8 }\n");
        Assert.AreEqual(SweepKind.Ber, kinds["z"]);
        CollectionAssert.AreEqual(new[] { "z", "b" }, kinds.Keys.ToList());
    }
}
