using System.Text.RegularExpressions;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>Every package takes its version from Directory.Build.props; the template installed from the repository folder
/// must name the same Mrfi.Abstractions (the template package gets it stamped at pack time).</summary>
[TestClass]
public sealed class PackageVersionTests
{
    [TestMethod]
    public void The_plugin_template_defaults_to_the_version_in_Directory_Build_props()
    {
        string props = File.ReadAllText(Path.Combine(Repo.Root, "Directory.Build.props"));
        string version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        string template = File.ReadAllText(Path.Combine(Repo.Root, "templates", "mrfi-plugin", ".template.config", "template.json"));
        Assert.AreEqual(version, Regex.Match(template, "\"defaultValue\": \"([^\"]*)\"").Groups[1].Value);
        Assert.AreEqual(version, MrfiApp.Version, "the tool reports the same version");
    }
}
