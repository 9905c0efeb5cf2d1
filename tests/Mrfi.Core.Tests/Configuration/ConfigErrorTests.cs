using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class ConfigErrorTests
{
    private static MrfiException Fails(string toml)
    {
        string path = ConfigFixture.Write(toml);
        return Assert.ThrowsExactly<MrfiException>(() =>
        {
            var config = ConfigReader.Read(path);
            using var model = new PlanBuilder(ComponentCatalog.BuiltIn).Build(config).Model;
        });
    }

    private static int LineOf(string toml, string marker) =>
        toml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker, StringComparison.Ordinal)).i + 1;

    [TestMethod]
    public void Toml_syntax_error_names_file_line_and_column()
    {
        string toml = ConfigFixture.Full() + "broken = \"unterminated\n";
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "broken =")},");
        StringAssert.Contains(e.Message, "invalid TOML");
    }

    [TestMethod]
    public void Duplicate_key_is_an_error()
    {
        string toml = ConfigFixture.Full().Replace("seed = 1\n", "seed = 1\nseed = 2\n", StringComparison.Ordinal);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "seed = 2")},");
    }

    [TestMethod]
    public void Unknown_component_lists_the_valid_names_and_suggests_the_closest()
    {
        string toml = ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("IntRandomBitFlip", "IntRandomBitFlp", StringComparison.Ordinal));
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "IntRandomBitFlp")},");
        StringAssert.Contains(e.Message, "unknown error model 'IntRandomBitFlp'");
        StringAssert.Contains(e.Message, "Did you mean 'IntRandomBitFlip'?");
        StringAssert.Contains(e.Message, "FloatFixedBitFlip, FloatMultiBitFlip, FloatRandomBitFlip, FloatStuckAt, IntBurstBitFlip");
        StringAssert.Contains(e.Message, "SetValue, SetZero, UniformDisturb, UniformRandom.");
    }

    [TestMethod]
    public void Unknown_key_in_a_section_is_an_error_not_a_skip()
    {
        string toml = ConfigFixture.Full().Replace("batch_size = 50", "batchsize = 50", StringComparison.Ordinal);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "batchsize")},");
        StringAssert.Contains(e.Message, "unknown key 'batchsize' in [run]");
        StringAssert.Contains(e.Message, "Did you mean 'batch_size'?");
    }

    [TestMethod]
    public void Unknown_component_argument_lists_the_constructor_parameters()
    {
        string toml = ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("bit_width = 8, dynamic_range", "bits = 8, dynamic_range", StringComparison.Ordinal));
        var e = Fails(toml);
        StringAssert.Contains(e.Message, "SymmetricQuantization has no argument 'bits'");
        StringAssert.Contains(e.Message, "SymmetricQuantization takes: bit_width, dynamic_range, scale_factor.");
    }

    [TestMethod]
    public void Misspelt_model_key_suggests_the_reserved_key()
    {
        string toml = ConfigFixture.Full().Replace("weights = ", "wieghts = ", StringComparison.Ordinal);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "wieghts")},");
        StringAssert.Contains(e.Message, "Did you mean 'weights'?");
    }

    [TestMethod]
    public void Missing_required_argument_shows_the_signature()
    {
        string toml = ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("method = \"IntRandomBitFlip\", bit_width = 8", "method = \"IntRandomBitFlip\"",
                StringComparison.Ordinal));
        var e = Fails(toml);
        StringAssert.Contains(e.Message, "IntRandomBitFlip needs 'bit_width'");
    }

    [TestMethod]
    public void Out_of_range_argument_points_at_its_key()
    {
        string toml = ConfigFixture.Full(ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = 1.5", StringComparison.Ordinal));
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "rate = 1.5")},");
        StringAssert.Contains(e.Message, "rate must be at least 0 and below 1");
    }

    [TestMethod]
    public void Wrong_value_type_names_key_and_types()
    {
        string toml = ConfigFixture.Full().Replace("seed = 1", "seed = \"one\"", StringComparison.Ordinal);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, "run.seed must be an integer, not a string");
    }

    [TestMethod]
    public void Missing_weights_file_names_the_key_and_the_path()
    {
        string toml = ConfigFixture.Full().Replace("lenet_fmnist.safetensors", "nope.safetensors", StringComparison.Ordinal);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "weights =")},");
        StringAssert.Contains(e.Message, "weights file not found");
        StringAssert.Contains(e.Message, "nope.safetensors");
    }

    [TestMethod]
    public void Missing_data_file_names_the_key()
    {
        string toml = ConfigFixture.Full().Replace("fmnist_test1000-labels-idx1-ubyte", "missing-labels", StringComparison.Ordinal);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(toml, "labels =")},");
        StringAssert.Contains(e.Message, "[data] labels: file not found");
    }

    [TestMethod]
    public void Entry_that_matches_no_module_lists_the_modules()
    {
        string toml = ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("module_type = [\"Conv2d\", \"Linear\"]", "module_name = \"conv9\"",
                StringComparison.Ordinal));
        var e = Fails(toml);
        StringAssert.Contains(e.Message, "fault entry 'w' matches no module");
        StringAssert.Contains(e.Message, "conv1 (Conv2d)");
    }

    [TestMethod]
    public void Unknown_sweep_variable_suggests_the_declared_one()
    {
        string sweep = "[sweep]\nber = [1e-5, 1e-4]\n\n";
        string toml = ConfigFixture.Full(ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$bre * 8\"", StringComparison.Ordinal),
            sweep);
        var e = Fails(toml);
        StringAssert.Contains(e.Message, "unknown sweep variable '$bre'");
        StringAssert.Contains(e.Message, "Did you mean 'ber'?");
    }

    [TestMethod]
    public void Unknown_target_suggests_the_valid_ones()
    {
        string toml = ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("target = \"weight\"", "target = \"weigth\"", StringComparison.Ordinal));
        var e = Fails(toml);
        StringAssert.Contains(e.Message, "Did you mean 'weight'?");
    }

    [TestMethod]
    public void Error_model_width_must_match_the_quantizer()
    {
        string toml = ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("method = \"IntRandomBitFlip\", bit_width = 8", "method = \"IntSignBitFlip\", bit_width = 16",
                StringComparison.Ordinal));
        var e = Fails(toml);
        StringAssert.Contains(e.Message, "IntSignBitFlip works on 16-bit integers but SymmetricQuantization produces 8-bit integers");
    }

    [TestMethod]
    public void Mrfi_fxp_weight_preset_width_mismatch_is_caught()
    {
        // MRFI's fxp_weight_fi preset pairs FixPoint(3, 13) — 17 bits with the sign — with a 16-bit error model.
        string faults = ConfigFixture.WeightFault
            .Replace("{ method = \"SymmetricQuantization\", bit_width = 8, dynamic_range = \"auto\" }",
                "{ method = \"FixPointQuantization\", integer_bit = 3, decimal_bit = 13 }", StringComparison.Ordinal)
            .Replace("bit_width = 8", "bit_width = 16", StringComparison.Ordinal);
        var e = Fails(ConfigFixture.Full(faults));
        StringAssert.Contains(e.Message, "works on 16-bit integers but FixPointQuantization produces 17-bit integers");
    }

    [TestMethod]
    public void Injected_parameters_cannot_be_set_from_the_config()
    {
        var e = Fails(ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = 1e-3, bits = 4", StringComparison.Ordinal)));
        StringAssert.Contains(e.Message, "RandomPositionByRate has no argument 'bits'");
    }

    [TestMethod]
    public void Unknown_scope_suggests_the_valid_ones()
    {
        var e = Fails(ConfigFixture.Full(
            ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = 1e-3, scope = \"trail\"", StringComparison.Ordinal)));
        StringAssert.Contains(e.Message, "Did you mean 'trial'?");
    }

    [TestMethod]
    public void Missing_config_file_says_so()
    {
        var e = Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read("/nonexistent/mrfi.toml"));
        StringAssert.Contains(e.Message, "config file not found");
    }
}
