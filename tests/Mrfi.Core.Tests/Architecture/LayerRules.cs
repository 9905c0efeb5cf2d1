namespace Mrfi.Core.Tests.Architecture;

/// <summary>Checks a namespace graph against a table of allowed edges.</summary>
internal static class LayerRules
{
    /// <summary>One line per edge the table does not allow, naming the types that make it; empty when the graph keeps to the
    /// table.</summary>
    public static IReadOnlyList<string> Violations(NamespaceGraph graph, IReadOnlyDictionary<string, IReadOnlySet<string>> allowed)
    {
        var found = new List<string>();
        foreach (string from in graph.Nodes)
        {
            foreach (string to in graph.Targets(from))
            {
                if (allowed.TryGetValue(from, out var targets) && targets.Contains(to)) continue;
                found.Add($"{from} may not use {to}, but: {string.Join("; ", graph.Evidence(from, to))}");
            }
        }
        return found;
    }

    /// <summary>One line per allowed edge the graph does not have, so that the table says what the code needs and no more.</summary>
    public static IReadOnlyList<string> Unused(NamespaceGraph graph, IReadOnlyDictionary<string, IReadOnlySet<string>> allowed) =>
        [.. allowed.SelectMany(a => a.Value.Where(to => !graph.Targets(a.Key).Contains(to)).Select(to => $"{a.Key} -> {to}"))];
}
