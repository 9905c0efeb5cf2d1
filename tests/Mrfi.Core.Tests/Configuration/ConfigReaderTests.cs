using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class ConfigReaderTests
{
    [TestMethod]
    public void Keys_bind_to_constructor_parameters_by_name()
    {
        string path = ConfigFixture.Write(ConfigFixture.Full());
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(path));
        using var model = plan.Model;
        var entry = plan.Points.Single().Entries.Single();
        var q = (SymmetricQuantizer)entry.Quantizer!;
        Assert.AreEqual(8, q.BitWidth);
        Assert.IsTrue(q.DynamicRange.IsAuto);
        Assert.AreEqual(1e-3, ((RandomPositionByRateSelector)entry.Selector!).Rate);
        Assert.IsTrue(((RandomPositionByRateSelector)entry.Selector!).Poisson, "poisson defaults to true");
        Assert.AreEqual(8, ((IntRandomBitFlipErrorModel)entry.ErrorModel).BitWidth);
        CollectionAssert.AreEqual(new[] { "conv1", "conv2", "fc1", "fc2", "fc3" }, entry.Modules.ToArray());
        Assert.AreEqual(InjectionTarget.Weight, entry.Target);
    }

    [TestMethod]
    public void Mrfi_misspelt_quantizer_name_is_an_alias()
    {
        string path = ConfigFixture.Write(
            ConfigFixture.Full(ConfigFixture.WeightFault.Replace("SymmetricQuantization", "SymmericQuantization",
                StringComparison.Ordinal)));
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(path));
        using var model = plan.Model;
        Assert.IsInstanceOfType<SymmetricQuantizer>(plan.Points.Single().Entries.Single().Quantizer);
    }

    [TestMethod]
    public void Sweep_makes_one_point_per_combination_with_scaled_references()
    {
        string sweep = "[sweep]\nber = [1e-5, 1e-4]\nbits = [4, 8]\nrepeats = 3\n\n";
        string faults = ConfigFixture.WeightFault
            .Replace("rate = 1e-3", "rate = \"$ber * 8\"", StringComparison.Ordinal)
            .Replace("bit_width = 8", "bit_width = \"$bits\"", StringComparison.Ordinal);
        string path = ConfigFixture.Write(ConfigFixture.Full(faults, sweep));
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(path));
        using var model = plan.Model;
        Assert.HasCount(4, plan.Points);
        Assert.AreEqual(12, plan.TrialCount);
        var last = plan.Points[3];
        Assert.AreEqual(1e-4, last.Values["ber"]);
        Assert.AreEqual(8.0, last.Values["bits"]);
        Assert.AreEqual(8e-4, ((RandomPositionByRateSelector)last.Entries[0].Selector!).Rate, 1e-18);
        Assert.AreEqual(4, ((IntRandomBitFlipErrorModel)plan.Points[0].Entries[0].ErrorModel).BitWidth);
    }

    [TestMethod]
    public void Ber_binds_with_the_error_models_width_and_scope_is_read()
    {
        string faults = ConfigFixture.WeightFault.Replace("rate = 1e-3", "ber = 1e-3, scope = \"trial\"", StringComparison.Ordinal);
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(ConfigFixture.Full(faults))));
        using var model = plan.Model;
        var entry = plan.Points.Single().Entries.Single();
        Assert.AreEqual(8e-3, ((RandomPositionByRateSelector)entry.Selector!).Rate, 1e-18, "rate = ber × 8 bits");
        Assert.AreEqual(SelectorScope.Trial, entry.Scope);
    }

    [TestMethod]
    public void Paths_resolve_relative_to_the_config_file()
    {
        string folder = Repo.TempFolder("relative");
        File.Copy(Repo.Asset("lenet_fmnist.safetensors"), Path.Combine(folder, "w.safetensors"));
        string path = ConfigFixture.Write(ConfigFixture.Full()
            .Replace("{assets}/lenet_fmnist.safetensors", Path.Combine(folder, "w.safetensors"), StringComparison.Ordinal));
        var config = ConfigReader.Read(path);
        Assert.AreEqual(Path.Combine(folder, "w.safetensors"), config.Model.Weights);
        Assert.AreEqual(Path.Combine(Path.GetDirectoryName(path)!, "results"), config.Run.Output);
    }
}
