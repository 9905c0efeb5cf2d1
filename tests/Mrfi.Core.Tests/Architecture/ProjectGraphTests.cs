namespace Mrfi.Core.Tests.Architecture;

/// <summary>The projects reference each other as docs/architecture.md draws: Tool on top; Plugins, Scripting,
/// Results.Parquet on Core; Core on Abstractions and Results.Schema; Report on Results.Schema only (it must not load TorchSharp);
/// Results.Schema on nothing; plugins on Abstractions only.</summary>
[TestClass]
public sealed class ProjectGraphTests
{
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["Mrfi.Abstractions"] = [],
        ["Mrfi.Build"] = [],
        ["Mrfi.Core"] = ["Mrfi.Abstractions", "Mrfi.Results.Schema"],
        ["Mrfi.Plugins"] = ["Mrfi.Core"],
        ["Mrfi.Scripting"] = ["Mrfi.Core"],
        ["Mrfi.Results.Parquet"] = ["Mrfi.Core", "Mrfi.Results.Schema"],
        ["Mrfi.Results.Schema"] = [],
        ["Mrfi.Report"] = ["Mrfi.Results.Schema"],
        ["Mrfi.Tool"] = ["Mrfi.Core", "Mrfi.Plugins", "Mrfi.Report", "Mrfi.Results.Parquet", "Mrfi.Scripting"],
    };

    private static string[] Projects(string folder) =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))];

    [TestMethod]
    public void Each_src_project_references_exactly_the_projects_below_it()
    {
        var found = Projects("src").ToDictionary(p => Path.GetFileNameWithoutExtension(p), ProjectReferences.Of);
        CollectionAssert.AreEquivalent(Expected.Keys.ToList(), found.Keys.ToList(),
            "a project was added or removed under src: give it its place here and in docs/architecture.md");
        foreach (var (project, references) in found)
            CollectionAssert.AreEqual(Expected[project].Order(StringComparer.Ordinal).ToList(), references.ToList(),
                $"{project} references {string.Join(", ", references)}; dependencies point inward (docs/architecture.md)");
    }

    [TestMethod]
    public void Sample_plugins_reference_only_the_contract()
    {
        string[] plugins = Projects("plugins");
        Assert.IsTrue(plugins.Length > 0, "no plugin project under plugins/");
        foreach (string plugin in plugins)
            CollectionAssert.AreEqual(new[] { "Mrfi.Abstractions" }, ProjectReferences.Of(plugin).ToList(),
                $"{plugin} may reference Mrfi.Abstractions only");
    }

    [TestMethod]
    public void InternalsVisibleTo_names_only_assemblies_the_repository_builds()
    {
        var projects = Projects("src").Concat(Projects("tests")).ToList();
        var assemblies = projects.Select(ProjectReferences.AssemblyName).ToHashSet(StringComparer.Ordinal);
        foreach (string project in projects)
        foreach (string friend in ProjectReferences.InternalsVisibleTo(project))
            Assert.IsTrue(assemblies.Contains(friend),
                $"{Path.GetFileName(project)} shows its internals to '{friend}', which no project builds " +
                $"({string.Join(", ", assemblies.Order())})");
    }
}
