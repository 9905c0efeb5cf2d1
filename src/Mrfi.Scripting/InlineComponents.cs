using System.Collections.Concurrent;
using Mrfi.Core;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Scripting;

/// <summary>Builds components written as C# in the config (<c>code = "…"</c>; quantizers: <c>quantize</c> and
/// <c>dequantize</c>). Each snippet is compiled once per process and cached on disk by content hash.</summary>
/// <remarks>Snippets see System, System.Linq, System.Collections.Generic, TorchSharp, <c>static TorchSharp.torch</c> and Mrfi;
/// selectors and error models get the trial's seeded generator as <c>rng</c>, so their random draws are reproducible too. An
/// observer that takes <c>(value, golden)</c> compares each faulty batch with its golden batch.</remarks>
public sealed class InlineComponents : IInlineComponents
{
    private const string ErrorAdapters = """
            private static Func<Tensor, Generator, Tensor> Adapt(Func<Tensor, Tensor> f) => (v, g) => f(v);
            private static Func<Tensor, Generator, Tensor> Adapt(Func<Tensor, Generator, Tensor> f) => f;

        """;

    private const string SelectorAdapters = """
            private static Func<long[], Generator, Tensor> Adapt(Func<long[], Tensor> f) => (s, g) => f(s);
            private static Func<long[], Generator, Tensor> Adapt(Func<long[], Generator, Tensor> f) => f;
            private static Func<long[], Generator, Tensor> Adapt(Func<long[], long[]> f) => (s, g) => torch.tensor(f(s), dtype: ScalarType.Int64);
            private static Func<long[], Generator, Tensor> Adapt(Func<long[], Generator, long[]> f) => (s, g) => torch.tensor(f(s, g), dtype: ScalarType.Int64);

        """;

    private const string ObserverAdapters = """
            private static Func<Tensor, double> Adapt(Func<Tensor, double> f) => f;
            private static Func<Tensor, double> Adapt(Func<Tensor, Tensor> f) => t => { using var r = f(t); return r.to_type(ScalarType.Float64).item<double>(); };

        """;

    private const string ComparisonAdapters = """
            private static Func<Tensor, Tensor, double> Adapt(Func<Tensor, Tensor, double> f) => f;
            private static Func<Tensor, Tensor, double> Adapt(Func<Tensor, Tensor, Tensor> f) => (v, g) => { using var r = f(v, g); return r.to_type(ScalarType.Float64).item<double>(); };

        """;

    private const string ActionAdapters = """
            private static Action<Tensor> Adapt(Action<Tensor> f) => f;

        """;

    private readonly bool _allowed;
    private readonly SnippetCompiler _compiler;
    private readonly ConcurrentDictionary<string, Delegate> _compiled = new();
    private readonly List<CompiledSnippet> _snippets = [];

    /// <summary>Creates the factory.</summary>
    /// <param name="allowed">False refuses every snippet (`--no-scripts`).</param>
    /// <param name="useCache">Cache compiled snippets on disk.</param>
    /// <param name="cacheFolder">Where; default <see cref="SnippetCompiler.DefaultCacheFolder"/>.</param>
    public InlineComponents(bool allowed = true, bool useCache = true, string? cacheFolder = null)
    {
        _allowed = allowed;
        _compiler = new SnippetCompiler(useCache ? cacheFolder ?? SnippetCompiler.DefaultCacheFolder : null);
    }

    /// <summary>The snippets compiled so far, with their cost.</summary>
    public IReadOnlyList<CompiledSnippet> Snippets => _snippets;

    /// <inheritdoc />
    public object Create(ComponentKind kind, ConfigTable table)
    {
        string key = kind == ComponentKind.Quantizer && !table.Has("code") ? "quantize" : "code";
        var at = table.LocationOf(key);
        if (!_allowed) throw MrfiException.At(at, $"{table.Describe(key)}: this config runs inline C#, which --no-scripts refuses");
        switch (kind)
        {
            case ComponentKind.ErrorModel:
                var (error, errorAt) = Compile<Func<Tensor, Generator, Tensor>>(table, "code", ErrorAdapters,
                    "Tensor (Tensor values, Generator rng)", "error model");
                return new InlineErrorModel(error, errorAt);
            case ComponentKind.Selector:
                var (selector, selectorAt) = Compile<Func<long[], Generator, Tensor>>(table, "code", SelectorAdapters,
                    "Tensor (long[] shape, Generator rng)", "selector");
                return new InlineSelector(selector, selectorAt);
            case ComponentKind.Observer when SnippetSource.Compares(table.String("code") ?? ""):
                var (comparison, comparisonAt) =
                    Compile<Func<Tensor, Tensor, double>>(table, "code", ComparisonAdapters, "double (Tensor value, Tensor golden)",
                        "observer");
                return new InlineComparisonObserver(comparison, table.String("metric") ?? "value", comparisonAt);
            case ComponentKind.Observer:
                var (observer, observerAt) = Compile<Func<Tensor, double>>(table, "code", ObserverAdapters, "double (Tensor value)",
                    "observer");
                return new InlineObserver(observer, table.String("metric") ?? "value", observerAt);
            case ComponentKind.Quantizer:
                var (quantize, quantizeAt) = Compile<Action<Tensor>>(table, "quantize", ActionAdapters, "void (Tensor x)", "quantizer");
                return new InlineQuantizer(quantize,
                    Compile<Action<Tensor>>(table, "dequantize", ActionAdapters, "void (Tensor x)", "quantizer").Delegate, quantizeAt);
            default:
                throw MrfiException.At(at, $"{table.Describe(key)}: {kind} cannot be written inline; use a plugin");
        }
    }

    private static SourceLocation Start(ConfigTable table, string key)
    {
        var at = table.LocationOf(key);
        var (line, column) = SnippetPosition.Locate(File.Exists(at.File) ? File.ReadAllText(at.File) : "", at, key);
        return new SourceLocation(at.File, line, column);
    }

    /// <summary>The snippet under <paramref name="key"/> compiled (or taken from the caches) and where its code starts.</summary>
    private (T Delegate, SourceLocation Start) Compile<T>(ConfigTable table, string key, string adapters, string bodySignature,
        string kind) where T : Delegate
    {
        string code = table.String(key) ?? throw table.Missing(key, $"C# code for the inline {kind}");
        var start = Start(table, key);
        string source = SnippetSource.Build("Snippet", DelegateName<T>(), adapters, bodySignature, code, start.File, start.Line,
            start.Column);
        return ((T)_compiled.GetOrAdd(source, s =>
        {
            var (assembly, fromCache, ms) = _compiler.Compile(s, "snippet");
            lock (_snippets) _snippets.Add(new CompiledSnippet(start.ToString(), kind, fromCache, ms));
            var create = assembly.GetType("Snippet")!.GetMethod("Create")!;
            return (Delegate)create.Invoke(null, null)!;
        }), start);
    }

    private static string DelegateName<T>() =>
        typeof(T) == typeof(Func<Tensor, Generator, Tensor>) ? "Func<Tensor, Generator, Tensor>"
        : typeof(T) == typeof(Func<long[], Generator, Tensor>) ? "Func<long[], Generator, Tensor>"
        : typeof(T) == typeof(Action<Tensor>) ? "Action<Tensor>"
        : typeof(T) == typeof(Func<Tensor, Tensor, double>) ? "Func<Tensor, Tensor, double>"
        : "Func<Tensor, double>";
}
