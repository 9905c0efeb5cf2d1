using System.Text.RegularExpressions;
using Mrfi.Core.Models.Onnx;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>docs/models.md's operator tables list every operator the registry supports, with its opset range.</summary>
[TestClass]
public sealed class OnnxOperatorDocsTests
{
    [TestMethod]
    public void Docs_list_every_supported_operator_with_its_opsets()
    {
        var rows = File.ReadLines(Path.Combine(Repo.Root, "docs", "models.md"))
            .Select(line => Regex.Match(line, @"^\| ([A-Za-z, ]+) \| ([0-9–]+) \|"))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups[1].Value.Split(", ").Select(op => (Op: op.Trim(), Range: m.Groups[2].Value)))
            .ToList();
        var missing = OnnxOperatorRegistry.Operators
            .Where(o => !rows.Contains((o.OpType, o.Range)))
            .Select(o => $"{o.OpType} ({o.Range})")
            .ToList();
        Assert.IsEmpty(missing, $"docs/models.md does not list: {string.Join(", ", missing)}");
        var unknown = rows.Where(r => !OnnxOperatorRegistry.Operators.Any(o => o.OpType == r.Op && o.Range == r.Range)).ToList();
        Assert.IsEmpty(unknown, $"docs/models.md lists operators the registry does not have: {string.Join(", ", unknown)}");
    }
}
