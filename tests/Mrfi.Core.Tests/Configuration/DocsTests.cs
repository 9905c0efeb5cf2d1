using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;

namespace Mrfi.Core.Tests.Configuration;

[TestClass]
public sealed class DocsTests
{
    private static readonly HashSet<string> ComponentTables = ["quantization", "selector", "error_model"];
    private static readonly HashSet<string> EngineKeysInComponentTables = ["method", "layerwise", "scope"];

    [TestMethod]
    public void Every_key_the_reader_accepts_is_documented_in_config_md()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        // every-key.toml has all but the keys of other data formats, which every-key-<format>.toml add.
        string fixtures = Path.Combine(Repo.Root, "tests", "Mrfi.Core.Tests", "TestFixtures");
        foreach (var file in Directory.GetFiles(fixtures, "every-key*.toml"))
        {
            string fixture = File.ReadAllText(file).Replace("{fixtures}", fixtures.Replace('\\', '/'), StringComparison.Ordinal);
            string path = ConfigFixture.Write(fixture);
            // The fixture must be valid: every key in it is one the reader accepts.
            var plan = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(path));
            using var model = plan.Model;
            Collect(TomlDocument.Parse(File.ReadAllText(path), path), keys, "");
        }
        foreach (var key in new[] { "shape", "count", "root", "channels", "resize", "width", "batch_norm" })
            Assert.Contains(key, keys, "the format fixtures are read");
        string docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "config.md"));
        var missing = keys.Where(k => !new[] { $"`{k}`", $"`[{k}]`",
            $"`[[{k}]]`" }.Any(form => docs.Contains(form, StringComparison.Ordinal))).ToList();
        Assert.IsEmpty(missing, $"undocumented keys in docs/config.md: {string.Join(", ", missing)}");
        Assert.IsGreaterThan(40, keys.Count, "the fixture covers the reader's keys");
    }

    private static void Collect(ConfigTable table, ISet<string> keys, string parent)
    {
        foreach (var key in table.Keys)
        {
            var value = table.Raw(key)!.Value;
            bool componentTable = ComponentTables.Contains(parent);
            bool variable = parent is "sweep" && key is not ("repeats" or "mode");
            bool layerName = parent is "layers";
            if (!(componentTable && !EngineKeysInComponentTables.Contains(key)) && !variable && !layerName) keys.Add(key);
            if (value is ConfigTable child) Collect(child, keys, key);
            if (value is IReadOnlyList<ConfigValue> items)
                foreach (var item in items) if (item.Value is ConfigTable t) Collect(t, keys, key);
        }
    }
}
