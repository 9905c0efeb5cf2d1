namespace Mrfi.Core.Tests.Architecture;

/// <summary>Core's namespaces keep to the layers of docs/architecture.md: read from the built assembly (signatures, fields,
/// locals and the IL of every method), checked against <see cref="CoreLayers"/>.</summary>
[TestClass]
public sealed class CoreLayerTests
{
    private static readonly Lazy<NamespaceGraph> Graph = new(() => NamespaceGraph.Of(typeof(MrfiException).Assembly, CoreLayers.Root));

    [TestMethod]
    public void Every_namespace_uses_only_the_namespaces_its_layer_allows()
    {
        var violations = LayerRules.Violations(Graph.Value, CoreLayers.Allowed);
        Assert.AreEqual(0, violations.Count, "Core's layering is broken (see docs/architecture.md; move the type down or the " +
            "code up, or change CoreLayers and the picture deliberately):\n" + string.Join("\n", violations));
    }

    [TestMethod]
    public void Cores_namespace_graph_has_no_cycle()
    {
        var cycles = Graph.Value.Cycles();
        Assert.AreEqual(0, cycles.Count,
            "namespaces that use each other:\n" + string.Join("\n", cycles.Select(c => string.Join(" <-> ", c))) +
            "\n\n" + NamespaceReport.Of(Graph.Value));
    }

    [TestMethod]
    public void The_table_names_every_namespace_of_Core_and_nothing_else()
    {
        CollectionAssert.AreEquivalent(Graph.Value.Nodes.ToList(), CoreLayers.Allowed.Keys.ToList(),
            "a namespace was added or removed: give it a row in CoreLayers.Order and its allowed edges");
        foreach (string ns in CoreLayers.Allowed.Keys)
            Assert.AreNotEqual(-1, CoreLayers.LayerOf(ns), $"{ns} has no layer in CoreLayers.Order");
    }

    [TestMethod]
    public void Every_allowed_edge_is_one_the_code_needs()
    {
        var unused = LayerRules.Unused(Graph.Value, CoreLayers.Listed);
        Assert.AreEqual(0, unused.Count,
            "allowed but unused (remove them from CoreLayers so the table stays the truth):\n" + string.Join("\n", unused));
    }

    [TestMethod]
    public void Every_allowed_edge_points_to_a_lower_layer()
    {
        foreach (var (from, targets) in CoreLayers.Allowed)
        foreach (string to in targets)
            Assert.IsTrue(CoreLayers.LayerOf(to) < CoreLayers.LayerOf(from), $"{from} -> {to} points sideways or up in CoreLayers.Order");
    }
}
