using System.Text.RegularExpressions;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>Every file in TestFixtures/BadConfigs must fail `validate` and `run` with exit code 2, one clear message naming
/// the file (and the line where the file says so), and no stack trace.</summary>
[TestClass]
public sealed class BadConfigTests
{
    private static string Folder => Path.Combine(Repo.Root, "tests", "Mrfi.Tool.Tests", "TestFixtures", "BadConfigs");

    public static IEnumerable<object[]> Configs =>
        Directory.GetFiles(Folder, "*.toml").Order().Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    public void There_are_at_least_25_bad_configs() => Assert.IsGreaterThanOrEqualTo(25, Configs.Count());

    [TestMethod]
    [DynamicData(nameof(Configs))]
    public void Bad_config_fails_with_its_expected_message(string file)
    {
        string text = File.ReadAllText(Path.Combine(Folder, file));
        string expected = Regex.Match(text, "^# expect: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        var line = Regex.Match(text, "^# expect-line: (\\d+)$", RegexOptions.Multiline);
        Assert.IsFalse(string.IsNullOrEmpty(expected), $"{file} has no '# expect:' line");
        string config = Cli.Config(text);
        foreach (var command in new[] { "validate", "run" })
        {
            string[] args = command == "run" ? [command, config, "--out", Path.Combine(Path.GetDirectoryName(config)!, "out")]
                : [command, config];
            var result = Cli.Run(args);
            Assert.AreEqual(2, result.ExitCode, $"{command} {file}: {result.Output}");
            StringAssert.Contains(result.Output, expected, $"{command} {file}");
            StringAssert.Contains(result.Output, "mrfi.toml", "the message names the file");
            if (line.Success)
                StringAssert.Contains(result.Output, $"mrfi.toml({line.Groups[1].Value},", $"{command} {file} points at the line");
            Assert.DoesNotContain("   at ", result.Output, "no stack trace");
            Assert.DoesNotContain("Exception", result.Output, "no exception type names");
        }
        Assert.IsFalse(Directory.Exists(Path.Combine(Path.GetDirectoryName(config)!, "out")),
            "a config with problems creates no results folder");
    }
}
