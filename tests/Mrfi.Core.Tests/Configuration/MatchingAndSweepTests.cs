using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class MatchingAndSweepTests
{
    private static CampaignPlan Plan(string faults, string extra = "")
    {
        string path = ConfigFixture.Write(ConfigFixture.Full(faults, extra));
        return new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(path));
    }

    private static string Entry(string match, string name = "w", string target = "weight") => $$"""
        [[fault_inject]]
        name = "{{name}}"
        target = "{{target}}"
        {{match}}
        selector = { method = "RandomPositionByNumber", n = 1 }
        error_model = { method = "SetZero" }

        """;

    private static string[] Matched(string match)
    {
        var plan = Plan(Entry(match));
        using var model = plan.Model;
        return [.. plan.Points[0].Entries[0].Modules];
    }

    [TestMethod]
    public void Types_match_exactly_unless_substring_is_asked_for()
    {
        CollectionAssert.AreEqual(new[] { "conv1", "conv2" }, Matched("module_type = \"Conv2d\""));
        var e = Assert.ThrowsExactly<MrfiException>(() => Matched("module_type = \"Conv\""));
        StringAssert.Contains(e.Message, "matches no module");
        CollectionAssert.AreEqual(new[] { "conv1", "conv2" }, Matched("module_type = \"Conv\"\nmodule_type_substring = true"));
    }

    [TestMethod]
    public void Names_match_by_substring_or_glob_and_exclude_removes()
    {
        CollectionAssert.AreEqual(new[] { "fc1", "fc2", "fc3" }, Matched("module_name = \"fc\""));
        CollectionAssert.AreEqual(new[] { "conv2", "fc2" }, Matched("module_name = \"*2\""));
        CollectionAssert.AreEqual(new[] { "fc1", "fc3" }, Matched("module_name = \"fc\"\nexclude = [\"fc2\"]"));
        CollectionAssert.AreEqual(new[] { "conv1", "conv2" }, Matched("module_type = [\"Conv2d\", \"Linear\"]\nexclude = [\"fc*\"]"));
    }

    [TestMethod]
    public void Index_ranges_and_unions_select_modules_in_model_order()
    {
        CollectionAssert.AreEqual(new[] { "conv2", "fc1", "fc2" }, Matched("module_index = \"1..3\""));
        CollectionAssert.AreEqual(new[] { "conv1", "fc3" }, Matched("module_index = [0]\nmodule_fullname = \"fc3\""));
        var e = Assert.ThrowsExactly<MrfiException>(() => Matched("module_index = [7]"));
        StringAssert.Contains(e.Message, "module_index 7 does not exist");
        StringAssert.Contains(e.Message, "4: fc3 (Linear)");
    }

    [TestMethod]
    public void Several_entries_and_targets_can_share_a_layer()
    {
        string faults = Entry("module_fullname = \"fc1\"", "a", "activation") + Entry("module_fullname = \"fc1\"", "b", "activation")
            + Entry("module_fullname = \"fc1\"", "c", "weight") + Entry("module_fullname = \"fc1\"", "d", "activation_out");
        var plan = Plan(faults);
        using var model = plan.Model;
        using var session = new FaultInjectionSession(model, plan.Points[0].Entries, []);
        session.BeginTrial(1);
        using var data = LeNetFixture.Images(4);
        using (TorchSharp.torch.no_grad()) model.call(data.Images).Dispose();
        Assert.AreEqual(4, session.FaultCount, "two input faults, one weight fault and one output fault in fc1");
    }

    [TestMethod]
    public void Zip_sweep_pairs_values_and_swept_enable_switches_entries()
    {
        string sweep = "[sweep]\nmode = \"zip\"\nrate = [1e-4, 1e-3]\non = [0, 1]\n\n";
        string faults = ConfigFixture.WeightFault.Replace("rate = 1e-3", "rate = \"$rate\"", StringComparison.Ordinal)
            .Replace("name = \"w\"", "name = \"w\"\nenabled = \"$on\"", StringComparison.Ordinal);
        var plan = Plan(faults, sweep);
        using var model = plan.Model;
        Assert.HasCount(2, plan.Points);
        Assert.IsFalse(plan.Points[0].Entries[0].Enabled);
        Assert.IsTrue(plan.Points[1].Entries[0].Enabled);
        Assert.AreEqual(1e-3, plan.Points[1].Values["rate"]);
        var bad = Assert.ThrowsExactly<MrfiException>(() => Plan(faults, "[sweep]\nmode = \"zip\"\nrate = [1e-4]\non = [0, 1]\n\n"));
        StringAssert.Contains(bad.Message, "needs variables of equal length");
    }
}
