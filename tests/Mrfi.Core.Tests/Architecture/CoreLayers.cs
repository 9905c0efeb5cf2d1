namespace Mrfi.Core.Tests.Architecture;

/// <summary>Core's layers, bottom to top, and the namespaces each namespace may use: the table that docs/architecture.md
/// draws. A namespace uses only namespaces of lower layers; an edge the code does not need is not listed either, so a new
/// dependency is a deliberate change to this table (and to the picture). The root namespace (MrfiException,
/// SourceLocation, NameSuggester) is the bottom layer that every namespace may use without a row saying so.</summary>
internal static class CoreLayers
{
    public const string Root = "Mrfi.Core";

    /// <summary>Bottom to top; the namespaces of one row do not use each other.</summary>
    public static readonly string[][] Order =
    [
        [""],
        ["Native", "Kernels", "Statistics"],
        ["ErrorModels", "Selectors", "Observers"],
        ["Quantizers"],
        ["Configuration"],
        ["Components"],
        ["Data"],
        ["Models"],
        ["Injection"],
        ["Planning"],
        ["Campaigns"],
        ["Gates", "Experiments", "Benchmarks"],
    ];

    private static readonly Dictionary<string, string[]> Edges = new()
    {
        [""] = [],
        ["Native"] = [],
        ["Kernels"] = [],
        ["Statistics"] = [],
        ["ErrorModels"] = ["Kernels"],
        ["Selectors"] = ["Kernels"],
        ["Observers"] = ["Kernels"],
        ["Quantizers"] = ["ErrorModels", "Kernels"],
        ["Configuration"] = [],
        ["Components"] = ["Configuration", "Quantizers"],
        ["Data"] = ["Configuration"],
        ["Models"] = ["Components", "Configuration", "Data"],
        ["Injection"] = ["Configuration", "ErrorModels", "Kernels", "Models", "Observers", "Quantizers", "Selectors"],
        ["Planning"] = ["Components", "Configuration", "Data", "ErrorModels", "Injection", "Models", "Observers"],
        ["Campaigns"] = ["Configuration", "Data", "Injection", "Models", "Native", "Planning", "Statistics"],
        ["Gates"] = ["Campaigns", "Configuration"],
        ["Experiments"] = ["Campaigns", "Configuration", "Data", "Injection", "Planning"],
        ["Benchmarks"] = ["Data", "Injection", "Models", "Planning"],
    };

    /// <summary>The full namespace name of a table name ("" is the root).</summary>
    public static string Full(string name) => name.Length == 0 ? Root : $"{Root}.{name}";

    /// <summary>Each namespace, in full, with the namespaces the table lists for it (the root not among them).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Listed { get; } =
        Edges.ToDictionary(e => Full(e.Key), e => (IReadOnlySet<string>)e.Value.Select(Full).ToHashSet());

    /// <summary>Each namespace, in full, with the namespaces it may use: those listed, and the root.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed { get; } =
        Listed.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)(e.Key == Root ? e.Value : e.Value.Append(Root).ToHashSet()));

    /// <summary>The row of <see cref="Order"/> that holds <paramref name="ns"/> (full name); -1 when none does.</summary>
    public static int LayerOf(string ns) => Array.FindIndex(Order, row => row.Any(n => Full(n) == ns));
}
