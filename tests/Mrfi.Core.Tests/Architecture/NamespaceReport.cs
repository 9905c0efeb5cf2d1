using System.Text;

namespace Mrfi.Core.Tests.Architecture;

/// <summary>The namespace graph as text: each namespace with the namespaces it uses, then the cycles.</summary>
internal static class NamespaceReport
{
    public static string Of(NamespaceGraph graph)
    {
        var text = new StringBuilder();
        foreach (string node in graph.Nodes)
        {
            text.AppendLine($"{node} -> {string.Join(", ", graph.Targets(node))}");
        }
        foreach (IReadOnlyList<string> cycle in graph.Cycles())
        {
            text.AppendLine($"cycle of {cycle.Count}: {string.Join(", ", cycle)}");
        }
        return text.ToString();
    }
}
