using Mrfi.Core.Configuration;
using Mrfi.Core.Tests.Configuration;

namespace Mrfi.Core.Tests.Gates;

/// <summary>Every gate interval is across trials, so judging a rate by its interval needs two repeats or more.</summary>
[TestClass]
public sealed class GateRepeatsTests
{
    private static string Config(string gate) =>
        ConfigFixture.Full(ConfigFixture.WeightFault, "[sweep]\nber = [1e-3]\nrepeats = 1\n\n[gate]\n" + gate + "\n\n");

    [TestMethod]
    public void A_rate_judged_by_its_interval_with_one_repeat_is_refused_at_its_key()
    {
        var e = Assert.ThrowsExactly<MrfiException>(() => ConfigReader.Read(ConfigFixture.Write(Config("critical_sdc_max = 0.05"))));
        StringAssert.Contains(e.Message, "[gate] critical_sdc_max with judge = \"interval\" needs an interval over repeats");
        Assert.HasCount(1, ConfigReader.Read(ConfigFixture.Write(Config("judge = \"estimate\"\ncritical_sdc_max = 0.05"))).Gates);
    }
}
