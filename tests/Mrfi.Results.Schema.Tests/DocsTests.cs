using System.Text.RegularExpressions;

namespace Mrfi.Results.Schema.Tests;

/// <summary>docs/results.md documents what the schema lists: every column of every table (in its table's section), every
/// sweep kind and every manifest key.</summary>
[TestClass]
public sealed partial class DocsTests
{
    private static readonly string Results = File.ReadAllText(Path.Combine(Repo.Root, "docs", "results.md"));

    public static IEnumerable<object[]> Tables => ResultsSchema.Tables.Select(t => new object[] { t.Name });

    /// <summary>The names in backticks of the section that starts with the table's file name (up to the next ## heading).</summary>
    private static HashSet<string> Documented(string file)
    {
        int start = Results.IndexOf($"## `{file}`", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"docs/results.md has no section for {file}");
        int end = Results.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        string section = Results[start..(end < 0 ? Results.Length : end)];
        return [.. Code().Matches(section).Select(m => m.Groups[1].Value)];
    }

    [TestMethod]
    [DynamicData(nameof(Tables))]
    public void Every_column_of_the_table_is_documented_in_its_section(string table)
    {
        var schema = ResultsSchema.Tables.Single(t => t.Name == table);
        var documented = Documented(schema.File);
        // An interval is written `sdc_rate`, `_low`, `_high`, or in prose `sdc_rate_low`.
        var missing = schema.Names.Where(n => !documented.Contains(n)
            && !(Bound().Match(n) is { Success: true } m && documented.Contains(m.Groups[1].Value)
                && documented.Contains(m.Groups[2].Value))).ToList();
        Assert.IsEmpty(missing, $"{schema.File}: not in docs/results.md: {string.Join(", ", missing)}");
    }

    [TestMethod]
    public void Every_sweep_kind_and_manifest_key_is_documented()
    {
        var documented = Code().Matches(Results).Select(m => m.Groups[1].Value).ToHashSet();
        var keys = typeof(ManifestKeys).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        var missing = SweepKind.All.Concat(keys).Where(k => !documented.Contains(k)).ToList();
        Assert.IsEmpty(missing, $"not in docs/results.md: {string.Join(", ", missing)}");
    }

    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex Code();

    [GeneratedRegex("^(.+)(_low|_high)$")]
    private static partial Regex Bound();
}
