using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.ErrorModels;
using Mrfi.Core.Planning;
using Mrfi.Core.Selectors;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class TextSweepTests
{
    private const string FloatFault = """
        [[fault_inject]]
        name = "w"
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        selector = { method = "$selector", rate = 1e-3 }
        error_model = { method = "FloatRandomBitFlip", floattype = "$format" }

        """;

    private const string Sweep = "[sweep]\nformat = [\"float32\", \"float16\"]\n" +
        "selector = [\"RandomPositionByRate\", \"RandomPositionByRate_classic\"]\n\n";

    private static CampaignPlan Plan(string toml) =>
        new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(toml)));

    private static MrfiException Fails(string toml) => Assert.ThrowsExactly<MrfiException>(() =>
    {
        using var model = Plan(toml).Model;
    });

    private static int LineOf(string toml, string marker) =>
        toml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker, StringComparison.Ordinal)).i + 1;

    [TestMethod]
    public void Text_values_go_into_string_arguments_and_name_the_component()
    {
        var plan = Plan(ConfigFixture.Full(FloatFault, Sweep));
        using var model = plan.Model;
        Assert.HasCount(4, plan.Points);
        string[] expected = ["float32/RandomPositionByRate", "float32/RandomPositionByRate_classic", "float16/RandomPositionByRate",
            "float16/RandomPositionByRate_classic"];
        CollectionAssert.AreEqual(expected, plan.Points.Select(p => $"{p.Values.Texts["format"]}/{p.Values.Texts["selector"]}").ToArray());
        int[] widths = [.. plan.Points.Select(p => ((FloatRandomBitFlipErrorModel)p.Entries[0].ErrorModel).BitWidth)];
        CollectionAssert.AreEqual(new[] { 32, 32, 16, 16 }, widths, "floattype = \"$format\" reached the error model");
        Type[] selectors = [.. plan.Points.Select(p => p.Entries[0].Selector!.GetType())];
        CollectionAssert.AreEqual(new[] { typeof(RandomPositionByRateSelector), typeof(RandomPositionByRateClassicSelector),
            typeof(RandomPositionByRateSelector), typeof(RandomPositionByRateClassicSelector) }, selectors);
        Assert.AreEqual(0, plan.Points[0].Values.Count, "text variables are not numbers");
        CollectionAssert.AreEqual(new[] { "format", "selector" }, plan.Points[0].Values.Names.ToArray());
    }

    [TestMethod]
    public void Text_and_number_variables_zip_together()
    {
        string faults = FloatFault.Replace("rate = 1e-3", "rate = \"$ber\"", StringComparison.Ordinal)
            .Replace("\"$selector\"", "\"RandomPositionByRate\"", StringComparison.Ordinal);
        var plan = Plan(ConfigFixture.Full(faults,
            "[sweep]\nmode = \"zip\"\nformat = [\"float16\", \"bfloat16\"]\nber = [1e-5, 1e-3]\n\n"));
        using var model = plan.Model;
        Assert.HasCount(2, plan.Points);
        Assert.AreEqual("bfloat16", plan.Points[1].Values.Texts["format"]);
        Assert.AreEqual(1e-3, plan.Points[1].Values["ber"]);
        Assert.AreEqual(" format=bfloat16 ber=0.001", Mrfi.Core.Configuration.SweepText.Format(plan.Points[1].Values));
    }

    [TestMethod]
    public void A_list_mixing_numbers_and_strings_is_one_error_on_its_line()
    {
        string toml = ConfigFixture.Full(FloatFault, "[sweep]\nformat = [\"float32\", 16]\nselector = [\"RandomPositionByRate\"]\n\n");
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "format = [")},");
        StringAssert.Contains(e.Message, "mixes numbers and strings");
    }

    [TestMethod]
    public void A_text_value_that_is_empty_or_holds_a_dollar_is_refused()
    {
        var dollar = Fails(ConfigFixture.Full(FloatFault, "[sweep]\nformat = [\"$ber\"]\nselector = [\"RandomPositionByRate\"]\n\n"));
        StringAssert.Contains(dollar.Message, "must not contain '$'");
        var empty = Fails(ConfigFixture.Full(FloatFault,
            "[sweep]\nformat = [\"float16\", \"\"]\nselector = [\"RandomPositionByRate\"]\n\n"));
        StringAssert.Contains(empty.Message, "text values must be non-empty");
    }

    private static string Switched(string first, string second) => $$"""
        [[fault_inject]]
        name = "{{first}}"
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        enabled = "$quantization"
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = 26 }
        selector = { method = "RandomPositionByRate", rate = 1e-3 }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        [[fault_inject]]
        name = "{{second}}"
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        enabled = "$quantization"
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = "auto" }
        selector = { method = "RandomPositionByRate", rate = 1e-3 }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        """;

    [TestMethod]
    public void A_text_variable_in_enabled_switches_on_the_entry_named_by_its_value()
    {
        var plan = Plan(ConfigFixture.Full(Switched("global", "layer-wise"),
            "[sweep]\nquantization = [\"global\", \"layer-wise\", \"none\"]\n\n"));
        using var model = plan.Model;
        string[] on = [.. plan.Points.Select(p => string.Join("+", p.Entries.Where(e => e.Enabled).Select(e => e.Name)))];
        CollectionAssert.AreEqual(new[] { "global", "layer-wise", "" }, on);
    }

    [TestMethod]
    public void An_entry_that_no_text_value_names_is_an_error_with_a_suggestion()
    {
        string toml = ConfigFixture.Full(Switched("global", "layerwise"), "[sweep]\nquantization = [\"global\", \"layer-wise\"]\n\n");
        var e = Fails(toml);
        StringAssert.Contains(e.Message,
            "fault entry 'layerwise': enabled = \"$quantization\" switches it on where quantization is 'layerwise'");
        StringAssert.Contains(e.Message, "Did you mean 'layer-wise'?");
        int second = toml.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.Contains("enabled =", StringComparison.Ordinal)).Last().i + 1;
        StringAssert.Contains(e.Message, $"mrfi.toml({second},");
    }

    [TestMethod]
    public void A_text_variable_in_arithmetic_is_an_error_naming_the_key()
    {
        string faults = FloatFault.Replace("rate = 1e-3", "rate = \"$format * 8\"", StringComparison.Ordinal);
        string toml = ConfigFixture.Full(faults, Sweep);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "$format * 8")},");
        StringAssert.Contains(e.Message, "'$format' is a text variable");
    }

    [TestMethod]
    public void A_text_value_where_a_number_is_needed_names_the_key()
    {
        string faults = FloatFault.Replace("rate = 1e-3", "rate = \"$format\"", StringComparison.Ordinal);
        string toml = ConfigFixture.Full(faults, Sweep);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "rate = \"$format\"")},");
        StringAssert.Contains(e.Message, "rate");
    }

    [TestMethod]
    public void A_component_name_from_a_number_variable_or_a_misspelt_text_is_an_error()
    {
        string numeric = ConfigFixture.Full(FloatFault.Replace("\"$format\"", "\"float16\"", StringComparison.Ordinal),
            "[sweep]\nselector = [1, 2]\n\n");
        StringAssert.Contains(Fails(numeric).Message, "'$selector' is a number; a component's name comes from a text variable");
        string misspelt = ConfigFixture.Full(FloatFault, "[sweep]\nformat = [\"float16\"]\nselector = [\"RandomPositionByRat\"]\n\n");
        var e = Fails(misspelt);
        StringAssert.Contains(e.Message, "unknown selector 'RandomPositionByRat'");
        StringAssert.Contains(e.Message, "Did you mean 'RandomPositionByRate'?");
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(misspelt, "$selector")},");
    }

    private const string BitFaults = """
        [[fault_inject]]
        name = "float16"
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        enabled = "$format"
        selector = { method = "RandomPositionByRate", rate = 1e-3 }
        error_model = { method = "FloatFixedBitFlip", bit = "$bit", floattype = "float16" }

        [[fault_inject]]
        name = "fixpoint"
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        enabled = "$format"
        quantization = { method = "FixPointQuantization", integer_bit = 3, decimal_bit = 13 }
        selector = { method = "RandomPositionByRate", rate = 1e-3 }
        error_model = { method = "IntFixedBitFlip", bit_width = 17, bit = "$bit" }

        """;

    [TestMethod]
    public void An_entry_needs_components_only_at_the_points_where_it_is_on()
    {
        // Bit 16 is no float16 bit, but the float16 entry is off at the fixed-point point that sweeps it.
        var plan = Plan(ConfigFixture.Full(BitFaults, "[sweep]\nmode = \"zip\"\nformat = [\"float16\", \"fixpoint\"]\nbit = [15, 16]\n\n"));
        using var model = plan.Model;
        Assert.IsInstanceOfType<FloatFixedBitFlipErrorModel>(plan.Points[0].Entries[0].ErrorModel);
        Assert.IsFalse(plan.Points[1].Entries[0].Enabled);
        Assert.IsTrue(plan.Points[1].Entries[1].Enabled);
        Assert.IsInstanceOfType<IntFixedBitFlipErrorModel>(plan.Points[1].Entries[1].ErrorModel);
        // A script that switches it on there gets the problem the campaign did not need to report.
        using var experiment = new Mrfi.Core.Experiments.Experiment(plan);
        experiment.UpdateAll(e => e with { Enabled = e.Name == "float16" });
        var e = Assert.ThrowsExactly<MrfiException>(() => experiment.Run(point: 1));
        StringAssert.Contains(e.Message, "fault entry 'float16' is switched on at sweep point 1");
        StringAssert.Contains(e.Message, "bit");
    }

    [TestMethod]
    public void Arguments_that_fit_no_point_are_still_an_error()
    {
        // Off everywhere (on = 0), with a bit no float16 value has: nothing ever checks it, so the plan must.
        string faults = BitFaults.Replace(
            "enabled = \"$format\"\nselector = { method = \"RandomPositionByRate\", rate = 1e-3 }\n" +
            "error_model = { method = \"FloatFixedBitFlip\"",
            "enabled = \"$on\"\nselector = { method = \"RandomPositionByRate\", rate = 1e-3 }\n" +
            "error_model = { method = \"FloatFixedBitFlip\"", StringComparison.Ordinal);
        Assert.AreNotEqual(BitFaults, faults);
        string toml = ConfigFixture.Full(faults,
            "[sweep]\nmode = \"zip\"\nformat = [\"fixpoint\", \"fixpoint\"]\nbit = [16, 16]\non = [0, 0]\n\n");
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "FloatFixedBitFlip")},");
    }

    [TestMethod]
    public void A_gate_names_a_text_value_and_a_misspelt_one_gets_a_suggestion()
    {
        var config = ConfigReader.Read(
            ConfigFixture.Write(ConfigFixture.Full(FloatFault,
                Sweep + "[gate]\npoint = { format = \"float16\" }\naccuracy_min = 0.1\njudge = \"estimate\"\n\n")));
        var gate = config.Gates.Single();
        Assert.AreEqual("float16", gate.Point.Texts["format"]);
        string bad = ConfigFixture.Full(FloatFault,
            Sweep + "[gate]\npoint = { format = \"flaot16\" }\naccuracy_min = 0.1\njudge = \"estimate\"\n\n");
        var e = Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(ConfigFixture.Write(bad)));
        StringAssert.Contains(e.Message, "\"flaot16\" is not one of the [sweep] values of format");
        StringAssert.Contains(e.Message, "Did you mean 'float16'?");
    }
}
