namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class TensorOutputRunTests
{
    [TestMethod]
    public void A_tensor_output_run_prints_outcome_rates_and_writes_null_accuracies_to_json()
    {
        string config = Cli.Config(Cli.Small.Replace("architecture = \"LeNet\"\n",
            "architecture = \"LeNet\"\noutput = \"tensor\"\ntolerance = 0.05\n", StringComparison.Ordinal));
        string folder = Path.GetDirectoryName(config)!;
        var result = Cli.Run("run", config, "--out", $"{folder}/out", "--json", $"{folder}/run.json");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "outputs compared with the golden outputs as a tensor");
        StringAssert.Contains(result.Output, "rmse (mean)");
        Assert.DoesNotContain("NaN", result.Output, "no accuracy column of NaNs");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText($"{folder}/run.json"));
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("float_accuracy").ValueKind);
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("trials")[0].GetProperty("accuracy").ValueKind);
        var rows = DuckDb.Query($"SELECT count(*), bool_and(output = 'tensor'), bool_and(masked + tolerable + sdc + due = total), " +
            $"bool_and(isnan(accuracy)) FROM read_parquet('{folder}/out/trials.parquet')");
        CollectionAssert.AreEqual(new object?[] { 4L, true, true, true }, rows[0]);
    }
}
