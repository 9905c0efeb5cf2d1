using System.Text.Json;

namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class BenchCommandTests
{
    [TestMethod]
    public void Bench_times_every_row_against_the_golden_forward_and_writes_json()
    {
        string json = Path.Combine(Repo.TempFolder("bench"), "bench.json");
        var result = Cli.Run("bench", "--model", "lenet", "--batch", "32", "--iterations", "2", "--warmup", "0", "--threads", "1",
            "--no-campaign", "--json", json);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "golden forward (no hooks)");
        StringAssert.Contains(result.Output, "× golden");
        StringAssert.Contains(result.Output, "peak RSS: golden");
        StringAssert.Contains(result.Output, "10^6 faults per forward: skipped");

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.AreEqual("LeNet", root.GetProperty("model").GetString());
        CollectionAssert.AreEqual(new long[] { 32, 1, 28, 28 },
            root.GetProperty("input_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        double golden = root.GetProperty("golden_ms").GetDouble();
        Assert.IsGreaterThan(0.0, golden);
        var rows = root.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r);
        // 2 single faults + 2 targets × (3 BERs × 2 formats + FP8 and MXFP8 at 1e-4) + 13 observers.
        Assert.HasCount(2 + 12 + 4 + 13, rows);
        foreach (var row in rows.Values)
            Assert.AreEqual(row.GetProperty("median_ms").GetDouble() / golden, row.GetProperty("ratio").GetDouble(), 1e-9,
                "ratio = median / golden median");
        Assert.AreEqual(1.0, rows["1 activation fault (float32 bit flip)"].GetProperty("faults_per_forward").GetDouble());
        Assert.AreEqual(1.0, rows["1 weight fault (float32 bit flip)"].GetProperty("faults_per_forward").GetDouble());
        // LeNet's Conv2d/Linear inputs per image: 1·28·28 + 6·14·14 + 400 + 120 + 84 = 2564 values; at BER 1e-2 and 8 bits
        // each value is hit with probability 0.08 (a Poisson count, distinct positions).
        double expected = 32 * 2564 * 0.08;
        double got = rows["activation BER 1e-2, int8"].GetProperty("faults_per_forward").GetDouble();
        Assert.IsLessThan(0.1 * expected, Math.Abs(got - expected), $"{got} faults against {expected} expected");
        // MXFP8 weights: 61,470 Conv2d/Linear weights × 8 bits × 1e-4 ≈ 49 faults per forward.
        Assert.IsGreaterThan(0.0, rows["weight BER 1e-4, MXFP8"].GetProperty("faults_per_forward").GetDouble());
        Assert.AreEqual(0.0, rows["observer RMSE"].GetProperty("faults_per_forward").GetDouble());
        Assert.IsGreaterThan(0L, root.GetProperty("memory").GetProperty("golden_bytes").GetInt64());
    }

    [TestMethod]
    public void Bench_names_the_valid_models_when_one_is_misspelt()
    {
        var result = Cli.Run("bench", "--model", "resnet81", "--no-campaign");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "lenet, vgg11, vgg16, resnet18");
        StringAssert.Contains(result.Output, "Did you mean 'resnet18'?");
    }

    [TestMethod]
    public void Bench_rejects_a_non_positive_iteration_count()
    {
        var result = Cli.Run("bench", "--iterations", "0");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "--iterations must be between 1 and 100000");
    }
}
