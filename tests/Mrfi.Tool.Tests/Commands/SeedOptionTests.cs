namespace Mrfi.Tool.Tests.Commands;

/// <summary><c>--seed N</c> must mean exactly <c>[run] seed = N</c>: the same random draws everywhere (model initialisation,
/// synthetic data, trials), so the two give the same result folders, manifest aside.</summary>
[TestClass]
public sealed class SeedOptionTests
{
    /// <summary>The small campaign with an untrained LeNet (weights drawn from the seed) on generated images (drawn from the
    /// seed).</summary>
    private static readonly string Untrained = Swap(Swap(Cli.Small, "weights = \"{assets}/lenet_fmnist.safetensors\"\n", ""),
        "images = \"{assets}/fmnist_test1000-images-idx3-ubyte\"\nlabels = \"{assets}/fmnist_test1000-labels-idx1-ubyte\"\nlimit = 200",
        "format = \"synthetic\"\nshape = [1, 28, 28]\ncount = 60");

    /// <summary>Each table of a results folder, every column except the wall-clock ones, row by row.</summary>
    private static readonly (string File, string Select)[] Tables =
    [
        ("trials.parquet", "* EXCLUDE (elapsed_s, finished_at)"),
        ("points.parquet", "*"),
        ("observers.parquet", "*"),
        ("faults.parquet", "*"),
    ];

    private static readonly Dictionary<string, string> Configs = new()
    {
        ["untrained model on synthetic data"] = Untrained,
        ["trained LeNet on Fashion-MNIST"] = Cli.Small,
    };

    public static IEnumerable<object[]> ConfigNames => Configs.Keys.Select(k => new object[] { k });

    [TestMethod]
    [DynamicData(nameof(ConfigNames))]
    public void The_seed_option_gives_the_same_results_as_the_same_seed_in_the_config(string what)
    {
        string toml = Swap(Configs[what], "batch_size = 50", "batch_size = 50\nfault_records = true");
        string option = Cli.Config(WithSeed(toml, 0));
        string inConfig = Cli.Config(WithSeed(toml, 7));
        string folder = Repo.TempFolder("seed");
        var byOption = Cli.Run("run", option, "--out", $"{folder}/option", "--seed", "7");
        Assert.AreEqual(0, byOption.ExitCode, byOption.Output);
        var byConfig = Cli.Run("run", inConfig, "--out", $"{folder}/config");
        Assert.AreEqual(0, byConfig.ExitCode, byConfig.Output);
        var byDefault = Cli.Run("run", option, "--out", $"{folder}/default");
        Assert.AreEqual(0, byDefault.ExitCode, byDefault.Output);
        foreach (var (file, select) in Tables)
        {
            var a = Rows($"{folder}/option/{file}", select);
            var b = Rows($"{folder}/config/{file}", select);
            Assert.IsNotEmpty(a, $"{what}: {file} has rows");
            CollectionAssert.AreEqual(b, a, $"{what}: {file} of --seed 7 differs from that of [run] seed = 7");
        }
        // The comparison can fail: seed 0 (the config's own) draws other faults.
        CollectionAssert.AreNotEqual(Rows($"{folder}/default/faults.parquet", "*"), Rows($"{folder}/option/faults.parquet", "*"), what);
    }

    private static string Swap(string text, string old, string replacement) =>
        text.Contains(old, StringComparison.Ordinal) ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new ArgumentException($"not in the config: {old}");

    /// <summary>The config with <c>[run] seed = <paramref name="seed"/></c>.</summary>
    private static string WithSeed(string toml, int seed) =>
        System.Text.RegularExpressions.Regex.Replace(toml, "(?m)^seed = [0-9]+", $"seed = {seed}");

    private static List<object?> Rows(string path, string select) =>
        [.. DuckDb.Query($"SELECT {select} FROM read_parquet('{path}') ORDER BY ALL").SelectMany(r => r)];
}
