using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mrfi.Tool.Commands;

/// <summary>Table cells as plain text: shapes like [1,28,28] would otherwise be read as Spectre markup.</summary>
internal static class Cells
{
    public static IRenderable[] Of(params string[] texts) => [.. texts.Select(t => new Text(t))];
}
