using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mrfi.Scripting;

/// <summary>Generates the C# around a snippet: the usual imports, adapters for the lambda shapes a kind accepts, and
/// <c>#line</c> directives so that errors and stack traces point into the config file.</summary>
internal static class SnippetSource
{
    /// <summary>The usings every snippet sees (docs/config.md lists them).</summary>
    public const string Usings = "using System; using System.Linq; using System.Collections.Generic; using TorchSharp; using static " +
        "TorchSharp.torch; using Mrfi;\n";

    /// <summary>A class <paramref name="className"/> with <c>public static {delegateType} Create()</c> returning the snippet.</summary>
    /// <param name="className">Generated class name.</param>
    /// <param name="delegateType">The delegate the engine calls.</param>
    /// <param name="adapters">Static Adapt overloads from the accepted lambda types to <paramref name="delegateType"/>.</param>
    /// <param name="bodySignature">Return type and parameters of the method a statement body becomes, e.g. "Tensor (Tensor values,
    /// Generator rng)".</param>
    /// <param name="code">The snippet.</param>
    /// <param name="file">The config file.</param>
    /// <param name="line">Line of the snippet's first character.</param>
    /// <param name="column">Column of the snippet's first character.</param>
    public static string Build(string className, string delegateType, string adapters, string bodySignature, string code, string file,
        int line, int column)
    {
        var sb = new StringBuilder(Usings).Append(CultureInfo.InvariantCulture, $"public static class {className}\n{{\n");
        string mapped = $"#line {line} \"{file}\"\n{new string(' ', Math.Max(0, column - 1))}{code}\n#line default\n";
        if (IsLambda(code))
        {
            sb.Append(CultureInfo.InvariantCulture, $"    public static {delegateType} Create() => Adapt(\n{mapped}    );\n");
            sb.Append(adapters);
        }
        else
        {
            int split = bodySignature.IndexOf(' ', StringComparison.Ordinal);
            sb.Append(CultureInfo.InvariantCulture, $"    public static {delegateType} Create() => Body;\n");
            sb.Append(CultureInfo.InvariantCulture,
                $"    private static {bodySignature[..split]} Body{bodySignature[split..]}\n    {{\n{mapped}    }}\n");
        }
        return sb.Append("}\n").ToString();
    }

    /// <summary>Whether the snippet is one lambda expression (otherwise it is a method body).</summary>
    public static bool IsLambda(string code)
    {
        var expression = SyntaxFactory.ParseExpression(code);
        return expression is LambdaExpressionSyntax && !expression.ContainsDiagnostics
            && expression.FullSpan.Length >= code.TrimEnd().Length;
    }

    /// <summary>Whether an observer snippet compares with the golden run: a lambda of two parameters <c>(value, golden)</c>,
    /// or a method body that uses <c>golden</c>.</summary>
    /// <remarks>Decided from the syntax before compiling, because a comparing observer makes the engine run a golden forward
    /// before every faulty one, which the others should not pay for.</remarks>
    public static bool Compares(string code)
    {
        if (IsLambda(code))
            return SyntaxFactory.ParseExpression(code) is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 2 };
        return SyntaxFactory.ParseStatement("{\n" + code + "\n}").DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(n => n.Identifier.ValueText == "golden");
    }
}
