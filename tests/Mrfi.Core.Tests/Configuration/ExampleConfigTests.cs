using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class ExampleConfigTests
{
    public static IEnumerable<object[]> Configs =>
        Directory.GetFiles(Path.Combine(Repo.Root, "examples"), "mrfi.toml", SearchOption.AllDirectories)
            .Append(Path.Combine(Repo.Root, "mrfi.toml"))
            // Plugins and inline C# need the tool's loaders (Mrfi.Plugins, Mrfi.Scripting): Tool.Tests validates those.
            .Where(p => !new[] { "plugins =", "code =",
                "quantize =" }.Any(key => File.ReadAllText(p).Contains(key, StringComparison.Ordinal)))
            .Select(p => new object[] { Path.GetRelativePath(Repo.Root, p) });

    [TestMethod]
    [DynamicData(nameof(Configs))]
    public void Shipped_config_plans_without_errors(string relativePath)
    {
        var config = ConfigReader.Read(Path.Combine(Repo.Root, relativePath));
        var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(config);
        using var model = plan.Model;
        Assert.IsGreaterThan(0, plan.TrialCount);
        Assert.IsNotEmpty(plan.Points[0].Entries);
    }
}
