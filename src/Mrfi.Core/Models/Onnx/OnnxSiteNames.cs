namespace Mrfi.Core.Models.Onnx;

/// <summary>The site names of a graph's nodes: a PyTorch export's <c>/layer1/layer1.0/conv1/Conv</c> is
/// <c>layer1.0.conv1</c> (the module that emitted it), other exporters' names stay as they are, unnamed nodes are
/// <c>op_type_N</c>; and the TorchSharp-safe names the modules are registered under (no '.').</summary>
internal static class OnnxSiteNames
{
    /// <summary>One display name per node, unique, in node order.</summary>
    public static IReadOnlyList<string> Display(IReadOnlyList<(string Name, string OpType)> nodes)
    {
        var scoped = nodes.Select(n => n.Name.StartsWith('/') ? Scope(n.Name) : null).ToList();
        var perScope = scoped.Where(s => s is not null).GroupBy(s => s!.Value.Scope).ToDictionary(g => g.Key, g => g.Count());
        var unnamed = new Dictionary<string, int>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>(nodes.Count);
        for (int i = 0; i < nodes.Count; i++)
        {
            string name;
            if (scoped[i] is { } s)
                name = s.Scope.Length == 0 ? s.Leaf : perScope[s.Scope] == 1 ? s.Scope : $"{s.Scope}.{s.Leaf}";
            else if (nodes[i].Name.Length > 0) name = nodes[i].Name;
            else
            {
                int n = unnamed.GetValueOrDefault(nodes[i].OpType);
                unnamed[nodes[i].OpType] = n + 1;
                name = $"{nodes[i].OpType}_{n}";
            }
            names.Add(Unique(name, taken));
        }
        return names;
    }

    /// <summary>A TorchSharp module name for a display name: '.' is not allowed there.</summary>
    public static string Registered(string display, HashSet<string> taken) =>
        Unique(display.Length == 0 ? "node" : display.Replace('.', '_'), taken);

    // "/layer1/layer1.0/conv1/Conv": scopes "layer1", "layer1.0", "conv1" (each either qualified by the one before or
    // relative to it) and the leaf "Conv".
    private static (string Scope, string Leaf)? Scope(string name)
    {
        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        string scope = "";
        foreach (var part in parts[..^1])
            scope = scope.Length == 0 || part.StartsWith(scope + ".", StringComparison.Ordinal) ? part : $"{scope}.{part}";
        return (scope, parts[^1]);
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int n = 1; !taken.Add(candidate); n++) candidate = $"{name}_{n}";
        return candidate;
    }
}
