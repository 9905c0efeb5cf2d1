namespace Mrfi.Core.Tests.Architecture;

[TestClass]
public sealed class NamespaceGraphTests
{
    [TestMethod]
    public void Prints_Cores_namespace_graph()
    {
        var graph = NamespaceGraph.Of(typeof(MrfiException).Assembly, "Mrfi.Core");
        string report = NamespaceReport.Of(graph);
        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "mrfi-core-namespaces.txt"), report);
        foreach (string from in graph.Nodes)
        foreach (string to in graph.Targets(from))
            Console.WriteLine($"  {from} -> {to}: {string.Join("; ", graph.Evidence(from, to).Take(4))}");
    }
}
