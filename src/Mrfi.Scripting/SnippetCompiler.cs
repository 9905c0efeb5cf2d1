using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Mrfi.Core;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Mrfi.Scripting;

/// <summary>Compiles generated C# around config snippets with Roslyn (emit, not scripting: it reports every error), caching
/// the assembly on disk by content hash so that a second run pays no compile cost.</summary>
internal sealed class SnippetCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);
    private readonly string? _cacheFolder;

    // Each compiler loads its snippets into its own context, so that two loads of one cached snippet never clash by name;
    // TorchSharp and Mrfi.Abstractions still resolve to the host's copies.
    private readonly AssemblyLoadContext _context = new($"mrfi-snippets-{Guid.NewGuid():N}", isCollectible: true);

    /// <summary>Creates a compiler; <paramref name="cacheFolder"/> null turns the disk cache off.</summary>
    public SnippetCompiler(string? cacheFolder) => _cacheFolder = cacheFolder;

    /// <summary>The default cache folder: <c>MRFI_SCRIPT_CACHE</c>, else <c>~/.cache/mrfi/snippets</c>.</summary>
    public static string DefaultCacheFolder =>
        Environment.GetEnvironmentVariable("MRFI_SCRIPT_CACHE") is { Length: > 0 } env ? env
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "mrfi", "snippets");

    /// <summary>Compiles (or loads from the cache) and returns the assembly, whether it was cached, and the time taken.</summary>
    public (Assembly Assembly, bool FromCache, double Milliseconds) Compile(string source, string name)
    {
        var clock = Stopwatch.StartNew();
        string hash = Hash(source);
        string? cached = _cacheFolder is null ? null : Path.Combine(_cacheFolder, hash + ".dll");
        if (cached is not null && File.Exists(cached))
        {
            try
            {
                var fromDisk = _context.LoadFromStream(new MemoryStream(File.ReadAllBytes(cached)));
                return (fromDisk, true, clock.Elapsed.TotalMilliseconds);
            }
            catch (BadImageFormatException)
            {
                File.Delete(cached);   // a truncated cache entry: compile again
            }
        }

        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: name + ".g.cs",
            encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create($"MrfiSnippet_{hash[..16]}", [tree], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Disable));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!result.Success)
        {
            // Every error, located in the config through the #line directives. CS1701/CS1702 (assembly unification) are noise.
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id is not ("CS1701" or "CS1702"))
                .Select(d => Problem(d)).Distinct().ToList();
            throw MrfiException.Many(errors);
        }
        byte[] bytes = pe.ToArray();
        if (cached is not null)
        {
            try
            {
                Directory.CreateDirectory(_cacheFolder!);
                string temp = cached + $".{Environment.ProcessId}.tmp";
                File.WriteAllBytes(temp, bytes);
                File.Move(temp, cached, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Serilog.Log.Debug("snippet cache not written: {Message}", e.Message);
            }
        }
        var assembly = _context.LoadFromStream(new MemoryStream(bytes));
        return (assembly, false, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>"file(line,col)" of a diagnostic, in its mapped file or in <paramref name="file"/> when given.</summary>
    internal static SourceLocation Where(Diagnostic d, string? file = null)
    {
        var span = d.Location.GetMappedLineSpan();
        return new(file ?? span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <summary>A compiler error as mrfi's own: located in the config (or <paramref name="file"/>), with the compiler's code.</summary>
    internal static Core.Diagnostic Problem(Diagnostic d, string? file = null) =>
        new(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Where(d, file)) { Code = d.Id };

    private static string Hash(string source)
    {
        string key = string.Join("\n", source, typeof(CSharpCompilation).Assembly.GetName().Version,
            typeof(TorchSharp.torch).Assembly.GetName().Version,
            typeof(IErrorModel).Assembly.GetName().Version, Environment.Version);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
    }

    private static MetadataReference[] LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        paths.Add(typeof(TorchSharp.torch).Assembly.Location);
        paths.Add(typeof(IErrorModel).Assembly.Location);
        paths.Add(typeof(SnippetCompiler).Assembly.Location);
        return [.. paths.Where(File.Exists).Select(p => MetadataReference.CreateFromFile(p))];
    }
}
