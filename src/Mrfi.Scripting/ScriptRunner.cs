using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Mrfi.Core;

namespace Mrfi.Scripting;

/// <summary>Runs a C# script (.csx) with the engine imported: compile errors read <c>file(line,col): error CS…</c>, and an
/// exception in the script names its line.</summary>
public static class ScriptRunner
{
    /// <summary>The namespaces every script imports.</summary>
    public static readonly string[] Imports =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic", "TorchSharp", "TorchSharp.torch", "Mrfi",
        "Mrfi.Core.Injection", "Mrfi.Core.Quantizers", "Mrfi.Core.Selectors", "Mrfi.Core.ErrorModels", "Mrfi.Core.Observers",
        "Mrfi.Core.Experiments", "Mrfi.Core.Campaigns", "Mrfi.Core.Configuration",
    ];

    /// <summary>Runs the script at <paramref name="path"/>; <paramref name="globals"/>' public members are visible to it.</summary>
    public static void Run(string path, object globals, params Assembly[] references)
    {
        if (!File.Exists(path)) throw new MrfiException($"script not found: {Path.GetFullPath(path)}");
        string full = Path.GetFullPath(path);
        var options = ScriptOptions.Default
            .WithFilePath(full)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithReferences(references.Concat(
                [typeof(TorchSharp.torch).Assembly, typeof(IErrorModel).Assembly, typeof(MrfiException).Assembly,
                    globals.GetType().Assembly]).Distinct())
            .WithImports(Imports);
        var script = CSharpScript.Create(File.ReadAllText(full), options, globals.GetType());
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw MrfiException.Many([.. errors.Select(d => SnippetCompiler.Problem(d, path))]);
        }
        try
        {
            script.RunAsync(globals).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not MrfiException)
        {
            var where = SnippetFailure.Locate(e, full) is var (line, column) ? new SourceLocation(path, line, column)
                : new SourceLocation(path, 0, 0);
            throw MrfiException.At(where, $"the script threw {e.GetType().Name}: {e.Message}", e);
        }
    }
}
