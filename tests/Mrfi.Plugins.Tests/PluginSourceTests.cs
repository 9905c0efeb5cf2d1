using Mrfi.Core;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using TorchSharp;

namespace Mrfi.Plugins.Tests;

[TestClass]
public sealed class PluginSourceTests
{
    private static string Config(string body)
    {
        string folder = Repo.TempFolder("plugin");
        string path = Path.Combine(folder, "mrfi.toml");
        File.WriteAllText(path, body.Replace("{assets}", Repo.Assets, StringComparison.Ordinal)
            .Replace("{fake}", PluginPaths.Fake, StringComparison.Ordinal)
            .Replace("{sample}", PluginPaths.Sample, StringComparison.Ordinal));
        return path;
    }

    private const string Model = "[model]\narchitecture = \"LeNet\"\nweights = \"{assets}/lenet_fmnist.safetensors\"\n\n[data]\n" +
        "images = \"{assets}/fmnist_test1000-images-idx3-ubyte\"\nlabels = \"{assets}/fmnist_test1000-labels-idx1-ubyte\"\nlimit = 20\n\n";

    private static (CampaignPlan? Plan, Problems Problems, IReadOnlyList<LoadedPlugin> Loaded) Load(string path)
    {
        var problems = new Problems();
        var config = ConfigReader.Read(path, problems)!;
        var catalog = ComponentCatalog.BuiltIn;
        var loaded = PluginSource.AddTo(catalog, config, problems, scanDefaults: false);
        var plan = new PlanBuilder(catalog).Build(config, problems);
        return (plan, problems, loaded);
    }

    [TestMethod]
    public void Plugin_components_share_the_hosts_tensor_type_and_run()
    {
        string path = Config("plugins = [\"{fake}\"]\n" + Model
            + "[[fault_inject]]\ntarget = \"activation_out\"\nmodule_fullname = \"fc3\"\nselector = { method = \"FirstN\", n = 3 }\n"
            + "error_model = { method = \"Negate\" }\n");
        var (plan, problems, loaded) = Load(path);
        Assert.IsFalse(problems.Any, string.Join("\n", problems.Messages));
        using var model = plan!.Model;
        Assert.AreEqual("fake", loaded.Single().Name);
        var entry = plan.Points[0].Entries[0];
        Assert.AreEqual("Mrfi.Plugins.Fake", entry.ErrorModel.GetType().Assembly.GetName().Name);
        using var x = torch.tensor(new float[] { 1, -2 });
        using var y = entry.ErrorModel.Apply(x, new torch.Generator(0));
        Assert.AreSame(typeof(torch.Tensor), y.GetType(), "one Tensor type across the plugin boundary");
        CollectionAssert.AreEqual(new float[] { -1, 2 }, y.data<float>().ToArray());
        int mapped = File.ReadLines("/proc/self/maps").Where(l => l.Contains("libtorch_cpu.so", StringComparison.Ordinal))
            .Select(l => l.Split(' ').Last()).Distinct().Count();
        Assert.AreEqual(1, mapped, "the plugin loaded no second libtorch");
    }

    [TestMethod]
    public void Plugin_models_and_datasets_bind_from_the_config()
    {
        string path = Config("plugins = [\"{fake}\"]\n[model]\narchitecture = \"TinyNet\"\nclasses = 10\n\n[data]\nformat = \"Stripes\"\n" +
            "count = 30\nlimit = 25\n\n[[fault_inject]]\ntarget = \"weight\"\nmodule_fullname = \"fc\"\n" +
            "error_model = { method = \"builtin/SetZero\" }\n");
        var (plan, problems, _) = Load(path);
        Assert.IsFalse(problems.Any, string.Join("\n", problems.Messages));
        using var model = plan!.Model;
        using var data = Mrfi.Core.Campaigns.CampaignRunner.LoadData(plan);
        Assert.AreEqual(25, data.Count);
        CollectionAssert.AreEqual(new long[] { 1, 28, 28 }, data.ImageShape);
    }

    [TestMethod]
    public void A_name_defined_by_a_plugin_and_a_builtin_must_be_qualified()
    {
        string path = Config("plugins = [\"{fake}\"]\n" + Model
            + "[[fault_inject]]\ntarget = \"weight\"\nmodule_fullname = \"fc3\"\nerror_model = { method = \"SetZero\" }\n");
        var (plan, problems, _) = Load(path);
        plan?.Model.Dispose();
        var message = problems.Messages.Single();
        StringAssert.Contains(message, "'SetZero' is defined by builtin and fake");
        StringAssert.Contains(message, "\"builtin/SetZero\" or \"fake/SetZero\"");
        StringAssert.Contains(message, "mrfi.toml(");
    }

    [TestMethod]
    public void A_constructor_that_throws_names_the_component_and_plugin()
    {
        string path = Config("plugins = [\"{fake}\"]\n" + Model
            + "[[fault_inject]]\ntarget = \"weight\"\nmodule_fullname = \"fc3\"\nerror_model = { method = \"Exploding\" }\n");
        var (plan, problems, _) = Load(path);
        plan?.Model.Dispose();
        StringAssert.Contains(problems.Messages.Single(),
            "Exploding (Mrfi.Plugins.Fake) failed to start: InvalidOperationException: boom from the plugin");
    }

    [TestMethod]
    public void Missing_file_and_empty_glob_are_reported_at_the_plugins_key()
    {
        string path = Config("plugins = [\"nope/Mrfi.Plugins.None.dll\", \"nothing/**/*.dll\"]\n" + Model);
        var (plan, problems, _) = Load(path);
        plan?.Model.Dispose();
        Assert.HasCount(2, problems.Messages);
        StringAssert.Contains(problems.Messages[0], "mrfi.toml(1,");
        StringAssert.Contains(problems.Messages[0], "file not found");
        StringAssert.Contains(problems.Messages[1], "no file matches");
    }

    [TestMethod]
    public void Not_an_assembly_and_not_a_plugin_are_refused_with_the_reason()
    {
        string folder = Repo.TempFolder("bad-plugin");
        string text = Path.Combine(folder, "Mrfi.Plugins.Text.dll");
        File.WriteAllText(text, "not a dll");
        var e = Assert.ThrowsExactly<MrfiException>(() => PluginSource.Load(ComponentCatalog.BuiltIn, text));
        StringAssert.Contains(e.Message, "not a .NET assembly");
        string notPlugin = Path.Combine(AppContext.BaseDirectory, "Tomlyn.dll");
        var e2 = Assert.ThrowsExactly<MrfiException>(() => PluginSource.Load(ComponentCatalog.BuiltIn, notPlugin));
        StringAssert.Contains(e2.Message, "is not an mrfi plugin");
    }

    [TestMethod]
    public void Sample_plugin_output_carries_no_torch_natives()
    {
        var files = Directory.GetFiles(PluginPaths.SampleFolder, "*", SearchOption.AllDirectories);
        long bytes = files.Sum(f => new FileInfo(f).Length);
        Assert.IsLessThan(1_000_000L, bytes, $"plugin output is {bytes} bytes: {string.Join(", ", files.Select(Path.GetFileName))}");
        Assert.IsFalse(files.Any(f => f.EndsWith(".so", StringComparison.Ordinal)), "no native libraries");
        Assert.IsFalse(files.Any(f => Path.GetFileName(f) is "TorchSharp.dll" or "Mrfi.Abstractions.dll"),
            "host assemblies are not copied");
    }
}
