using System.Globalization;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>An imported MRFI EasyConfig gives MRFI's numbers: observers average per-batch values without weights, as MRFI's
/// RMSE and MAE do (mrfi.md §2.4), checked by hand from the faults the run recorded.</summary>
[TestClass]
public sealed class ImportYamlTests
{
    private const string Yaml = """
        faultinject:
          - type: activation_out
            selector: {method: RandomPositionByNumber, n: 1}
            error_mode: {method: SetValue, value: 100}
            module_fullname: conv1
        observe:
          - method: RMSE
            module_fullname: conv1
          - method: MAE
            module_fullname: conv1
          - method: Shape
            module_fullname: conv1
        """;

    [TestMethod]
    public void Imported_rmse_and_mae_are_mrfis_unweighted_means_of_per_batch_values()
    {
        string folder = Repo.TempFolder("import-observers");
        try
        {
            string yaml = Path.Combine(folder, "easy.yaml"), toml = Path.Combine(folder, "mrfi.toml"),
            results = Path.Combine(folder, "results");
            File.WriteAllText(yaml, Yaml);
            var import = Cli.Run("import-yaml", yaml, "--out", toml);
            Assert.AreEqual(0, import.ExitCode, import.Output);
            string text = File.ReadAllText(toml);
            StringAssert.Contains(text, "\nbatch_size = 100\n");
            // 150 images in batches of 100 and 50: one fault per forward weighs twice as much in the smaller batch.
            File.WriteAllText(toml, text.Replace("\nbatch_size = 100\n", "\nbatch_size = 100\nfault_records = true\n",
                StringComparison.Ordinal)
                .Replace("\n[run]\n", "limit = 150\n\n[run]\n", StringComparison.Ordinal));
            var run = Cli.Run("run", toml, "--out", results);
            Assert.AreEqual(0, run.ExitCode, run.Output);

            var faults = DuckDb.Query($"SELECT batch, faulty - original FROM read_parquet('{results}/faults.parquet') ORDER BY batch");
            CollectionAssert.AreEqual(new[] { 0, 1 }, faults.Select(f => Convert.ToInt32(f[0], CultureInfo.InvariantCulture)).ToArray(),
                "one fault per forward");
            var shape = DuckDb.Query($"SELECT value FROM read_parquet('{results}/observers.parquet') WHERE observer = 'Shape' ORDER BY " +
                $"index").Select(r => (double)r[0]!).ToList();
            Assert.AreEqual(50, shape[0], "the last batch holds 50 images");
            double perImage = shape.Skip(1).Aggregate(1.0, (a, b) => a * b);
            double[] d = [.. faults.Select(f => (double)f[1]!)], n = [100 * perImage, 50 * perImage];
            // MRFI: RMSE = sqrt(mean over batches of mean((x - g)^2)), MAE = mean over batches of mean(|x - g|); one value differs per
            // batch.
            double rmse = Math.Sqrt((d[0] * d[0] / n[0] + d[1] * d[1] / n[1]) / 2),
            mae = (Math.Abs(d[0]) / n[0] + Math.Abs(d[1]) / n[1]) / 2;
            var observed = DuckDb.Query($"SELECT metric, value FROM read_parquet('{results}/observers.parquet') WHERE observer IN " +
                $"('RMSE', 'MAE')")
                .ToDictionary(r => (string)r[0]!, r => (double)r[1]!);
            Assert.AreEqual(rmse, observed["rmse"], 1e-6 * rmse);
            Assert.AreEqual(mae, observed["mae"], 1e-6 * mae);
            // The element-weighted mean would differ by far more than the tolerance.
            Assert.AreNotEqual(Math.Sqrt((d[0] * d[0] + d[1] * d[1]) / (n[0] + n[1])), observed["rmse"], 1e-3 * rmse);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Imported_config_sets_mrfi_compat_where_a_component_has_it_and_says_what_it_chose()
    {
        string folder = Repo.TempFolder("import-compat");
        try
        {
            string yaml = Path.Combine(folder, "easy.yaml"), toml = Path.Combine(folder, "mrfi.toml");
            File.WriteAllText(yaml, Yaml.Replace("RandomPositionByNumber, n: 1",
                "SelectedDimRandomPositionByRate, rate: 1e-3, channel: [0]", StringComparison.Ordinal));
            Assert.AreEqual(0, Cli.Run("import-yaml", yaml, "--out", toml).ExitCode);
            var lines = File.ReadAllLines(toml);
            StringAssert.Contains(lines.Single(l => l.StartsWith("selector = ", StringComparison.Ordinal)), "mrfi_compat = true");
            Assert.AreEqual(2, lines.Count(l => l.StartsWith("mrfi_compat = true", StringComparison.Ordinal)),
                "RMSE and MAE have the switch; Shape has none");
            string header = string.Join("\n", lines.TakeWhile(l => l.StartsWith('#')));
            StringAssert.Contains(header, "batch_size = 100");
            StringAssert.Contains(header, "Fashion-MNIST");
            StringAssert.Contains(header, "seed = 0");
            var validate = Cli.Run("validate", toml);
            Assert.AreEqual(0, validate.ExitCode, validate.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
