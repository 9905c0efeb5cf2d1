using Mrfi.Core.Configuration;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class ModelOutputConfigTests
{
    private static string Toml(string modelKeys) =>
        ConfigFixture.Model + modelKeys + "\n" + ConfigFixture.Data + ConfigFixture.Run + ConfigFixture.WeightFault;

    [TestMethod]
    public void Output_and_tolerance_are_read_and_default_to_auto_and_one_percent()
    {
        var plain = ConfigReader.Read(ConfigFixture.Write(Toml(""))).Model;
        Assert.AreEqual(OutputKind.Auto, plain.Output);
        Assert.AreEqual(0.01, plain.Tolerance);
        var set = ConfigReader.Read(ConfigFixture.Write(Toml("output = \"tensor\"\ntolerance = 0.25"))).Model;
        Assert.AreEqual(OutputKind.Tensor, set.Output);
        Assert.AreEqual(0.25, set.Tolerance);
    }

    [TestMethod]
    public void A_misspelt_output_or_a_negative_tolerance_names_the_line()
    {
        string toml = Toml("output = \"tensr\"");
        var e = Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(ConfigFixture.Write(toml)));
        StringAssert.Contains(e.Message, "mrfi.toml(4,");
        StringAssert.Contains(e.Message, "Did you mean 'tensor'?");
        e = Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(ConfigFixture.Write(Toml("tolerance = -0.1"))));
        StringAssert.Contains(e.Message, "mrfi.toml(4,");
        StringAssert.Contains(e.Message, "[model] tolerance must be a number ≥ 0");
    }
}
