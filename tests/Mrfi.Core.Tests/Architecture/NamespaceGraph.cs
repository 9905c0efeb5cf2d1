using System.Reflection;

namespace Mrfi.Core.Tests.Architecture;

/// <summary>Which of an assembly's namespaces use which, with the types that make each edge. A namespace's sub-namespaces
/// count as the namespace (Mrfi.Core.Models.Onnx is Mrfi.Core.Models): a folder is one layer.</summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    /// <summary>Every namespace, used or not.</summary>
    public IReadOnlyCollection<string> Nodes => _edges.Keys;

    /// <summary>The namespaces <paramref name="from"/> uses.</summary>
    public IEnumerable<string> Targets(string from) => _edges.TryGetValue(from, out var t) ? t.Keys : [];

    /// <summary>"From.Type -> To.Type" for each use that makes the edge.</summary>
    public IReadOnlyCollection<string> Evidence(string from, string to) => _edges[from][to];

    public void AddNode(string node) => _edges.TryAdd(node, new(StringComparer.Ordinal));

    public void AddEdge(string from, string to, string evidence)
    {
        AddNode(from);
        AddNode(to);
        if (from == to) return;
        if (!_edges[from].TryGetValue(to, out var uses)) _edges[from][to] = uses = new(StringComparer.Ordinal);
        uses.Add(evidence);
    }

    /// <summary>The graph of the namespaces under <paramref name="root"/> in <paramref name="assembly"/>.</summary>
    public static NamespaceGraph Of(Assembly assembly, string root)
    {
        var graph = new NamespaceGraph();
        foreach (Type type in assembly.GetTypes())
        {
            Type outer = Outermost(type);
            string? from = Layer(outer.Namespace, root);
            if (from is null) continue;
            graph.AddNode(from);
            foreach (Type used in TypeReferences.Of(type))
            {
                if (used.Assembly != assembly) continue;
                Type usedOuter = Outermost(used);
                string? to = Layer(usedOuter.Namespace, root);
                if (to is not null) graph.AddEdge(from, to, $"{outer.FullName} -> {usedOuter.FullName}");
            }
        }
        return graph;
    }

    /// <summary>The namespace's layer: the root itself or root plus its first segment; null outside the root.</summary>
    public static string? Layer(string? ns, string root)
    {
        if (ns == root) return root;
        if (ns is null || !ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        int dot = ns.IndexOf('.', root.Length + 1);
        return dot < 0 ? ns : ns[..dot];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    /// <summary>The strongly connected components with more than one namespace: each is a cycle (Tarjan's algorithm).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        int next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in Targets(v))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) cycles.Add(component.Order(StringComparer.Ordinal).ToList());
        }

        foreach (string node in Nodes)
        {
            if (!index.ContainsKey(node)) Visit(node);
        }
        return cycles;
    }
}
