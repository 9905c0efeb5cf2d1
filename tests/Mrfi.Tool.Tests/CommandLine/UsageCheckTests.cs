using Mrfi.Tool.CommandLine;
using Mrfi.Tool.Tests.Commands;

namespace Mrfi.Tool.Tests.CommandLine;

/// <summary>Every command and every option, driven from the command classes: each usage mistake is one line naming the
/// option and what it takes, exit code 2, never ignored and never a .NET type name.</summary>
[TestClass]
public sealed class UsageCheckTests
{
    public static IEnumerable<object[]> Commands =>
        CommandTable.Commands.Keys.Order(StringComparer.Ordinal).Select(c => new object[] { c });

    public static IEnumerable<object[]> Options =>
        CommandTable.Commands.Values.SelectMany(c => c.Options.Where(o => o.LongNames.Count > 0)
            .Select(o => new object[] { c.Name, o.Name }));

    public static IEnumerable<object[]> NumberOptions =>
        CommandTable.Commands.Values.SelectMany(c => c.Options.Where(o => o.Expected is "a whole number" or "a number")
            .Select(o => new object[] { c.Name, o.Name }));

    public static IEnumerable<object[]> FolderOptions =>
        CommandTable.Commands.Values.SelectMany(c => c.Options.Where(o => o.ValueName == "DIR")
            .Select(o => new object[] { c.Name, o.Name }));

    public static IEnumerable<object[]> FileOptions =>
        CommandTable.Commands.Values.SelectMany(c => c.Options.Where(o => o.ValueName == "FILE")
            .Select(o => new object[] { c.Name, o.Name }));

    private static string Refused(params string[] args)
    {
        var result = Cli.Run(args);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        Assert.HasCount(1, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), $"one line: {result.Output}");
        StringAssert.StartsWith(result.Output, "error: ");
        foreach (var dotnet in new[] { "Nullable", "Int32", "Int64", "Double", "Exception", "   at " })
            Assert.DoesNotContain(dotnet, result.Output, "no .NET type names or traces");
        return result.Output;
    }

    [TestMethod]
    public void The_table_knows_every_command_of_the_tool() =>
        CollectionAssert.IsSubsetOf(new[] { "run", "validate", "plan", "report", "merge", "submit", "version", "bench-selectors",
            "import-yaml" },
            CommandTable.Commands.Keys.ToList());

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void Each_command_of_the_table_is_registered_under_that_name(string command) =>
        Assert.AreEqual(0, Cli.Run(command, "--help").ExitCode, $"{command} --help");

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void Each_command_refuses_an_unknown_option(string command) =>
        StringAssert.Contains(Refused(command, "--no-such-option", "7"), $"unknown option '--no-such-option' for '{command}'");

    [TestMethod]
    [DynamicData(nameof(Options))]
    public void A_misspelt_option_is_refused_with_the_option_it_resembles(string command, string option)
    {
        string typo = option[..^1];
        if (CommandTable.Commands[command].Find(typo) is not null) Assert.Inconclusive($"{typo} is an option itself");
        StringAssert.Contains(Refused(command, typo, "1"), $"Did you mean '{option}'?");
    }

    [TestMethod]
    [DynamicData(nameof(NumberOptions))]
    public void A_number_option_names_itself_and_the_expected_form(string command, string option) =>
        StringAssert.Contains(Refused(command, option, "notanumber"), $"{option} takes a ");

    [TestMethod]
    public void Seed_that_is_not_a_number_says_so_in_words() =>
        Assert.AreEqual("error: --seed takes a whole number, not 'notanumber'", Refused("run", "--seed", "notanumber"));

    [TestMethod]
    public void Sed_is_refused_with_did_you_mean_seed() =>
        StringAssert.Contains(Refused("run", "--sed", "7"), "unknown option '--sed' for 'run'. Did you mean '--seed'?");

    [TestMethod]
    [DynamicData(nameof(FolderOptions))]
    public void A_folder_option_that_names_a_file_or_lies_under_one_is_refused(string command, string option)
    {
        string file = Path.Combine(Repo.TempFolder("usage"), "a-file");
        File.WriteAllText(file, "");
        StringAssert.Contains(Refused(command, option, file), "is a file; give a folder");
        StringAssert.Contains(Refused(command, option, Path.Combine(file, "results")), "which is a file, not a folder");
    }

    [TestMethod]
    [DynamicData(nameof(FileOptions))]
    public void A_file_option_that_names_a_folder_is_refused(string command, string option) =>
        StringAssert.Contains(Refused(command, option, Repo.TempFolder("usage")), "is a folder; give a file name");

    [TestMethod]
    public void An_option_without_its_value_says_what_it_needs() =>
        StringAssert.Contains(Refused("run", "--seed"), "--seed needs a value: a whole number");

    [TestMethod]
    public void An_unknown_command_suggests_the_closest() =>
        StringAssert.Contains(Refused("rn"), "unknown command 'rn'. Did you mean 'run'?");

    [TestMethod]
    public void An_extra_argument_is_refused() =>
        StringAssert.Contains(Refused("run", "a.toml", "b.toml"), "'b.toml' is one too many");

    [TestMethod]
    public void A_missing_required_argument_is_named() =>
        StringAssert.Contains(Refused("report"), "'report' needs RESULTS");

    [TestMethod]
    public void Settings_validation_errors_are_exit_code_2() =>
        StringAssert.Contains(Refused("run", "--resume", "a", "--out", "b"), "do not give --out as well");
}
