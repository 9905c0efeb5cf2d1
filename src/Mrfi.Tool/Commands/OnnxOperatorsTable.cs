using Mrfi.Core.Models.Onnx;
using Spectre.Console;

namespace Mrfi.Tool.Commands;

/// <summary>The ONNX operators `[model] onnx` imports, with their opset ranges (for <c>dotnet mrfi list models</c>).</summary>
internal static class OnnxOperatorsTable
{
    /// <summary>Writes the table.</summary>
    public static void Write(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title(Markup.Escape($"ONNX operators ([model] onnx = \"model.onnx\"; opsets {OnnxImport.Opsets})"));
        table.AddColumns("operator", "opsets");
        foreach (var (op, opsets) in OnnxImport.Operators) table.AddRow(Cells.Of(op, opsets));
        console.Write(table);
    }
}
