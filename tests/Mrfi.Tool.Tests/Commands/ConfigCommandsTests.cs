namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class ConfigCommandsTests
{
    private const string Columns = "trial, point, repeat, seed, ber, accuracy, golden_accuracy, correct, total, changed, faults";

    [TestMethod]
    public void Validate_reports_a_valid_config_with_its_matches()
    {
        var result = Cli.Run("validate", Cli.Config(Cli.Small));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "4 trials");
        StringAssert.Contains(result.Output, "conv1, conv2, fc1, fc2, fc3");
    }

    [TestMethod]
    public void Validate_reports_every_problem_at_once()
    {
        string toml = Cli.Small
            .Replace("batch_size = 50", "batchsize = 50", StringComparison.Ordinal)
            .Replace("IntRandomBitFlip", "IntRandomBitFlp", StringComparison.Ordinal)
            .Replace("module_name = \"fc\"", "module_name = \"fc9\"", StringComparison.Ordinal);
        var result = Cli.Run("validate", Cli.Config(toml));
        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Output, "unknown key 'batchsize'");
        StringAssert.Contains(result.Output, "unknown error model 'IntRandomBitFlp'");
        StringAssert.Contains(result.Output, "matches no module");
        StringAssert.Contains(result.Output, "3 problems found.");
        Assert.DoesNotContain("   at ", result.Output);
    }

    [TestMethod]
    public void Expanded_detail_tree_runs_to_the_same_trials()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.GetDirectoryName(config)!;
        string detail = Path.Combine(folder, "detail.toml");
        Assert.AreEqual(0, Cli.Run("expand", config, "--out", detail).ExitCode);
        string text = File.ReadAllText(detail);
        StringAssert.Contains(text, "[layers.conv1]");
        StringAssert.Contains(text, "[[layers.fc3.weight]]");
        StringAssert.Contains(text, "[[layers.fc1.observe]]");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", $"{folder}/easy").ExitCode);
        var run = Cli.Run("run", detail, "--out", $"{folder}/detail");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        var easy = DuckDb.Query($"SELECT {Columns} FROM read_parquet('{folder}/easy/trials.parquet') ORDER BY trial");
        var tree = DuckDb.Query($"SELECT {Columns} FROM read_parquet('{folder}/detail/trials.parquet') ORDER BY trial");
        CollectionAssert.AreEqual(easy.SelectMany(r => r).ToList(), tree.SelectMany(r => r).ToList());
        var easyRmse = DuckDb.Query($"SELECT trial, layer, value FROM read_parquet('{folder}/easy/observers.parquet') ORDER BY ALL");
        var treeRmse = DuckDb.Query($"SELECT trial, layer, value FROM read_parquet('{folder}/detail/observers.parquet') ORDER BY ALL");
        CollectionAssert.AreEqual(easyRmse.SelectMany(r => r).ToList(), treeRmse.SelectMany(r => r).ToList());
    }

    [TestMethod]
    public void Detail_tree_layer_of_the_wrong_type_is_an_error()
    {
        string config = Cli.Config(Cli.Small);
        string detail = Path.Combine(Path.GetDirectoryName(config)!, "detail.toml");
        Assert.AreEqual(0, Cli.Run("expand", config, "--out", detail).ExitCode);
        File.WriteAllText(detail, File.ReadAllText(detail)
            .Replace("[layers.conv1]\ntype = \"Conv2d\"", "[layers.conv1]\ntype = \"Linear\"", StringComparison.Ordinal));
        var result = Cli.Run("validate", detail);
        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Output, "module 'conv1' is a Conv2d, not a Linear");
    }

    [TestMethod]
    public void Plan_shows_shapes_populations_and_expected_faults()
    {
        var result = Cli.Run("plan", Cli.Config(Cli.Small));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "[120,400]");
        StringAssert.Contains(result.Output, "48,000 × 8");
        // fc1 at ber 1e-2: 48000 weights × 8 bits × 1e-2 per forward × 4 forwards = 15360.
        StringAssert.Contains(result.Output, "1.536E+04");
        StringAssert.Contains(result.Output, "estimated forward time");
    }

    [TestMethod]
    public void Inspect_prints_indices_types_and_shapes()
    {
        var result = Cli.Run("inspect", Cli.Config(Cli.Small));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "[50,6,28,28]");
        StringAssert.Contains(result.Output, "weight [120,400]");
        var byName = Cli.Run("inspect", "--model", "LeNet");
        Assert.AreEqual(0, byName.ExitCode, byName.Output);
        StringAssert.Contains(byName.Output, "[1,16,10,10]");
        var wrong = Cli.Run("inspect", "--model", "LeNt");
        Assert.AreEqual(2, wrong.ExitCode);
        StringAssert.Contains(wrong.Output, "Did you mean 'LeNet'?");
    }

    [TestMethod]
    public void Inspect_honours_no_scripts_and_still_shows_the_model()
    {
        // An inline error model: --no-scripts must refuse to compile it, here as in run and validate.
        string config = Cli.Config(Cli.Small.Replace("error_model = { method = \"IntRandomBitFlip\", bit_width = 8 }",
            "error_model = { code = \"v => v.neg()\" }", StringComparison.Ordinal));
        var allowed = Cli.Run("inspect", config);
        Assert.AreEqual(0, allowed.ExitCode, allowed.Output);
        Assert.DoesNotContain("problem(s) in the fault entries", allowed.Output);
        var refused = Cli.Run("inspect", config, "--no-scripts");
        Assert.AreEqual(0, refused.ExitCode, refused.Output);
        StringAssert.Contains(refused.Output, "1 problem(s) in the fault entries");
        StringAssert.Contains(refused.Output, "weight [120,400]");
    }

    [TestMethod]
    public void Init_writes_a_starter_that_runs_and_refuses_to_overwrite()
    {
        string folder = Repo.TempFolder("init");
        Assert.AreEqual(0, Cli.Run("init", folder).ExitCode);
        Assert.IsTrue(File.Exists(Path.Combine(folder, "data", "lenet_fmnist.safetensors")));
        var run = Cli.Run("run", Path.Combine(folder, "mrfi.toml"), "--out", Path.Combine(folder, "out"));
        Assert.AreEqual(0, run.ExitCode, run.Output);
        var again = Cli.Run("init", folder);
        Assert.AreEqual(2, again.ExitCode);
        StringAssert.Contains(again.Output, "already exists");
    }

    [TestMethod]
    [DataRow("default_fi")]
    [DataRow("float_fi")]
    [DataRow("float_weight_fi")]
    [DataRow("fxp_fi")]
    [DataRow("fxp_weight_fi")]
    [DataRow("weight_fi")]
    public void Every_mrfi_preset_imports_to_a_valid_config(string preset)
    {
        string folder = Repo.TempFolder("import");
        string toml = Path.Combine(folder, "mrfi.toml");
        var import = Cli.Run("import-yaml", preset, "--out", toml);
        Assert.AreEqual(0, import.ExitCode, import.Output);
        var validate = Cli.Run("validate", toml);
        Assert.AreEqual(0, validate.ExitCode, File.ReadAllText(toml) + validate.Output);
        StringAssert.Contains(validate.Output, "conv1, conv2, fc1, fc2, fc3");
    }

    [TestMethod]
    public void Yaml_file_with_text_typed_numbers_converts()
    {
        string folder = Repo.TempFolder("yaml");
        string yaml = Path.Combine(folder, "easy.yaml");
        File.WriteAllText(yaml, """
            faultinject:
              - type: activation_out
                quantization: {method: SymmericQuantization, bit_width: 16, dynamic_range: auto}
                selector: {method: RandomPositionByRate, rate: 1e-3, poisson: True}
                error_mode: {method: IntSignBitFlip, bit_width: 16}
                module_fullname: [fc3]
            observe:
              - method: MinMax
                position: pre
                module_name: fc2
            """);
        string toml = Path.Combine(folder, "mrfi.toml");
        Assert.AreEqual(0, Cli.Run("import-yaml", yaml, "--out", toml).ExitCode);
        string text = File.ReadAllText(toml);
        StringAssert.Contains(text, "rate = 0.001");
        StringAssert.Contains(text, "target = \"activation_out\"");
        Assert.AreEqual(0, Cli.Run("validate", toml).ExitCode);
        var broken = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(broken, "faultinject: [ {type: activation\n");
        var bad = Cli.Run("import-yaml", broken);
        Assert.AreEqual(2, bad.ExitCode);
        StringAssert.Contains(bad.Output, "invalid YAML");
    }
}
