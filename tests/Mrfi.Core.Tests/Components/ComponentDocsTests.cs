using Mrfi.Core.Components;

namespace Mrfi.Core.Tests.Components;

[TestClass]
public sealed class ComponentDocsTests
{
    [TestMethod]
    public void Docs_components_md_matches_the_catalog()
    {
        string path = Path.Combine(Repo.Root, "docs", "components.md");
        string expected = ComponentDocs.Markdown(ComponentCatalog.BuiltIn);
        string? actual = ComponentDocs.Extract(File.ReadAllText(path));
        Assert.IsNotNull(actual, "docs/components.md lacks the generated block");
        Assert.AreEqual(expected, actual,
            "docs/components.md is stale: run `dotnet run --project src/Mrfi.Tool -- list --markdown --into docs/components.md`");
    }

    [TestMethod]
    public void Every_component_has_a_one_line_summary_and_mrfi_names_are_all_there()
    {
        var all = ComponentDocs.All(ComponentCatalog.BuiltIn).ToList();
        foreach (var c in all)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(c.Summary), $"{c.Name} has no summary");
            Assert.DoesNotContain("\n", c.Summary, c.Name);
        }
        string[] mrfi =
        [
            "SymmericQuantization", "PositiveQuantization", "FixPointQuantization",
            "EmptySelector", "FixPosition", "FixPositions", "RandomPositionByNumber", "RandomPositionByRate",
            "RandomPositionByRate_classic",
            "MaskedDimRandomPositionByNumber", "SelectedDimRandomPositionByNumber", "MaskedDimRandomPositionByRate",
            "SelectedDimRandomPositionByRate", "FixedPixelByNumber",
            "IntSignBitFlip", "IntRandomBitFlip", "IntFixedBitFlip", "SetZero", "SetValue", "FloatRandomBitFlip", "FloatFixedBitFlip",
            "IntRandom", "IntRandomBit", "UniformRandom", "NormalRandom", "UniformDisturb", "NormalDisturb",
            "MinMax", "MaxAbs", "MeanAbs", "Std", "Shape", "SaveLast", "UniformSampling", "RMSE", "MAE", "EqualRate",
        ];
        var catalog = ComponentCatalog.BuiltIn;
        foreach (var name in mrfi)
        {
            bool found = Enum.GetValues<ComponentKind>().Any(k => catalog.TryFind(k, name, out _));
            Assert.IsTrue(found, $"MRFI's {name} is missing");
        }
    }

    [TestMethod]
    public void Splice_replaces_only_the_generated_block()
    {
        string doc = $"intro\n{ComponentDocs.Begin}\nold\n{ComponentDocs.End}\noutro\n";
        string result = ComponentDocs.Splice(doc, $"{ComponentDocs.Begin}\nnew\n{ComponentDocs.End}\n");
        Assert.AreEqual($"intro\n{ComponentDocs.Begin}\nnew\n{ComponentDocs.End}\noutro\n", result);
    }
}
