using Mrfi.Core.Tests.Architecture.Samples.Lower;

namespace Mrfi.Core.Tests.Architecture;

/// <summary>The checker itself: it sees a use that only a method body makes, finds cycles and names offending types.</summary>
[TestClass]
public sealed class NamespaceGraphTests
{
    private const string Samples = "Mrfi.Core.Tests.Architecture.Samples";

    [TestMethod]
    public void A_use_made_only_inside_a_method_body_is_an_edge()
    {
        var graph = NamespaceGraph.Of(typeof(Floor).Assembly, Samples);
        CollectionAssert.AreEquivalent(new[] { Samples + ".Lower", Samples + ".Upper" }, graph.Nodes.ToList());
        CollectionAssert.AreEqual(new[] { Samples + ".Lower" }, graph.Targets(Samples + ".Upper").ToList());
        Assert.AreEqual(0, graph.Targets(Samples + ".Lower").Count());
        StringAssert.Contains(string.Join(";", graph.Evidence(Samples + ".Upper", Samples + ".Lower")),
            "Samples.Upper.Roof -> " + Samples + ".Lower.Floor");
    }

    [TestMethod]
    public void Sub_namespaces_count_as_their_first_segment_under_the_root()
    {
        Assert.AreEqual("Mrfi.Core.Models", NamespaceGraph.Layer("Mrfi.Core.Models.Onnx.Operators", "Mrfi.Core"));
        Assert.AreEqual("Mrfi.Core", NamespaceGraph.Layer("Mrfi.Core", "Mrfi.Core"));
        Assert.IsNull(NamespaceGraph.Layer("Mrfi.CoreX", "Mrfi.Core"));
        Assert.IsNull(NamespaceGraph.Layer("TorchSharp", "Mrfi.Core"));
    }

    [TestMethod]
    public void A_cycle_through_three_namespaces_is_one_component_and_a_namespace_outside_it_is_not_in_it()
    {
        var graph = new NamespaceGraph();
        graph.AddEdge("A", "B", "A.X -> B.Y");
        graph.AddEdge("B", "C", "B.Y -> C.Z");
        graph.AddEdge("C", "A", "C.Z -> A.X");
        graph.AddEdge("D", "A", "D.W -> A.X");
        graph.AddEdge("D", "E", "D.W -> E.V");
        var cycles = graph.Cycles();
        Assert.AreEqual(1, cycles.Count);
        CollectionAssert.AreEqual(new[] { "A", "B", "C" }, cycles[0].ToList());
    }

    [TestMethod]
    public void A_graph_that_only_points_down_has_no_cycle()
    {
        var graph = new NamespaceGraph();
        graph.AddEdge("Top", "Middle", "t");
        graph.AddEdge("Middle", "Bottom", "m");
        graph.AddEdge("Top", "Bottom", "t2");
        Assert.AreEqual(0, graph.Cycles().Count);
    }

    [TestMethod]
    public void A_use_the_table_does_not_allow_is_reported_with_the_types_that_make_it()
    {
        var graph = new NamespaceGraph();
        graph.AddEdge("Low", "High", "Low.Reader -> High.Runner");
        graph.AddEdge("High", "Low", "High.Runner -> Low.Reader");
        var allowed = new Dictionary<string, IReadOnlySet<string>> { ["High"] = new HashSet<string> { "Low" },
            ["Low"] = new HashSet<string>() };
        var violations = LayerRules.Violations(graph, allowed);
        Assert.AreEqual(1, violations.Count);
        StringAssert.Contains(violations[0], "Low may not use High");
        StringAssert.Contains(violations[0], "Low.Reader -> High.Runner");
    }

    [TestMethod]
    public void An_allowed_edge_the_code_does_not_have_is_reported_as_unused()
    {
        var graph = new NamespaceGraph();
        graph.AddEdge("High", "Low", "h");
        graph.AddNode("Side");
        var allowed = new Dictionary<string, IReadOnlySet<string>> { ["High"] = new HashSet<string> { "Low", "Side" } };
        CollectionAssert.AreEqual(new[] { "High -> Side" }, LayerRules.Unused(graph, allowed).ToList());
    }
}
