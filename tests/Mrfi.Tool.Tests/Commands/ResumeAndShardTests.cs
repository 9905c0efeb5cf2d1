using System.Diagnostics;

namespace Mrfi.Tool.Tests.Commands;

[TestClass]
public sealed class ResumeAndShardTests
{
    private const string Columns =
        "trial, point, repeat, seed, ber, accuracy, golden_accuracy, correct, total, changed, faults, masked, sdc, due";

    private static string LongConfig() =>
        Cli.Config(Cli.Small.Replace("limit = 200", "limit = 1000", StringComparison.Ordinal)
            .Replace("repeats = 2", "repeats = 8", StringComparison.Ordinal));

    private static List<object?[]> Rows(string folder, string file = "trials.parquet") =>
        DuckDb.Query($"SELECT {Columns} FROM read_parquet('{folder}/{file}') ORDER BY trial");

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void A_killed_run_keeps_its_finished_trials_and_resumes_to_the_uninterrupted_result()
    {
        string config = LongConfig();
        string folder = Path.GetDirectoryName(config)!;
        string killed = Path.Combine(folder, "killed");
        using (var child = StartAfterParts(config, killed, 3))
        {
            child.Kill(entireProcessTree: true);   // SIGKILL: no chance to clean up
            child.WaitForExit();
        }
        // Whatever was finished is readable as it stands.
        long kept = (long)DuckDb.Query($"SELECT count(*) FROM read_parquet('{killed}/trials/*.parquet')")[0][0]!;
        Assert.IsGreaterThanOrEqualTo(3L, kept);
        Assert.IsLessThan(16L, kept, "the run was really interrupted");

        var resumed = Cli.Run("run", config, "--resume", killed);
        Assert.AreEqual(0, resumed.ExitCode, resumed.Output);
        StringAssert.Contains(resumed.Output, "Resuming:");
        var whole = Cli.Run("run", config, "--out", Path.Combine(folder, "whole"));
        Assert.AreEqual(0, whole.ExitCode, whole.Output);
        CollectionAssert.AreEqual(Rows(Path.Combine(folder, "whole")).SelectMany(r => r).ToList(),
            Rows(killed).SelectMany(r => r).ToList());
        Assert.IsFalse(Directory.Exists(Path.Combine(killed, "trials")), "parts are merged away");
    }

    /// <summary>Starts `dotnet mrfi run` as a real child process and returns it once <paramref name="parts"/> trials are on disk.</summary>
    private static Process StartAfterParts(string config, string folder, int parts, System.Text.StringBuilder? output = null)
    {
        var start = new ProcessStartInfo("dotnet",
            $"\"{Path.Combine(AppContext.BaseDirectory, "dotnet-mrfi.dll")}\" run \"{config}\" --out \"{folder}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var child = Process.Start(start)!;
        child.OutputDataReceived += (_, e) => { lock (start) output?.AppendLine(e.Data); };
        child.ErrorDataReceived += (_, e) => { lock (start) output?.AppendLine(e.Data); };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (Directory.Exists(Path.Combine(folder, "trials"))
            ? Directory.GetFiles(Path.Combine(folder, "trials"), "part-*.parquet").Length < parts : true)
        {
            Assert.IsFalse(child.HasExited, "the run finished before it could be interrupted");
            Assert.IsLessThan(120, clock.Elapsed.TotalSeconds, "no trial finished in time");
            Thread.Sleep(50);
        }
        return child;
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void Sigterm_stops_between_batches_keeps_the_finished_trials_and_says_how_to_resume()
    {
        string config = LongConfig();
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "terminated");
        var output = new System.Text.StringBuilder();
        int exitCode;
        using (var child = StartAfterParts(config, folder, 2, output))
        {
            using (var kill = Process.Start("kill", $"-TERM {child.Id}")) kill.WaitForExit();
            Assert.IsTrue(child.WaitForExit(60_000), "SIGTERM should end the run within a batch");
            child.WaitForExit();
            exitCode = child.ExitCode;
        }
        Assert.AreEqual(130, exitCode, output.ToString());
        StringAssert.Contains(output.ToString(), $"--resume {folder}");
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        StringAssert.Contains(manifest, "\"interrupted\"");
        var resumed = Cli.Run("run", config, "--resume", folder);
        Assert.AreEqual(0, resumed.ExitCode, resumed.Output);
        Assert.AreEqual(16L, DuckDb.Query($"SELECT count(DISTINCT trial) FROM read_parquet('{folder}/trials.parquet')")[0][0]);
    }

    [TestMethod]
    public void Two_shards_merge_to_the_single_machine_run()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.GetDirectoryName(config)!;
        string shared = Path.Combine(folder, "shared");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", shared, "--shard", "0/2").ExitCode);
        var second = Cli.Run("run", config, "--out", shared, "--shard", "1/2");
        Assert.AreEqual(0, second.ExitCode, second.Output);
        StringAssert.Contains(second.Output, "dotnet mrfi merge");
        Assert.AreEqual(4L, DuckDb.Query($"SELECT count(*) FROM read_parquet('{shared}/trials/*.parquet')")[0][0],
            "the folder reads as one table before merging");
        var merged = Cli.Run("merge", shared);
        Assert.AreEqual(0, merged.ExitCode, merged.Output);
        Assert.AreEqual(0, Cli.Run("run", config, "--out", Path.Combine(folder, "single")).ExitCode);
        CollectionAssert.AreEqual(Rows(Path.Combine(folder, "single")).SelectMany(r => r).ToList(),
            Rows(shared).SelectMany(r => r).ToList());
    }

    [TestMethod]
    public void Merge_refuses_missing_trials_and_resume_refuses_corrupt_parts()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "half");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", folder, "--shard", "0/2").ExitCode);
        var merge = Cli.Run("merge", folder);
        Assert.AreEqual(2, merge.ExitCode);
        StringAssert.Contains(merge.Output, "2 of 4 trials are missing (first: 1, 3)");

        File.WriteAllText(Path.Combine(folder, "trials", "shard-0-of-2.parquet"), "not parquet");
        var resume = Cli.Run("run", config, "--resume", folder, "--shard", "0/2");
        Assert.AreEqual(2, resume.ExitCode);
        StringAssert.Contains(resume.Output, "cannot be read");
        StringAssert.Contains(resume.Output, "incomplete or corrupt");
    }

    [TestMethod]
    public void Sequential_mode_cannot_be_sharded()
    {
        string config = Cli.Config(Cli.Small + "\n[campaign]\nmargin = 0.05\nsequential = true\n");
        var result = Cli.Run("run", config, "--out", Path.Combine(Path.GetDirectoryName(config)!, "s"), "--shard", "0/2");
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "cannot be split with --shard");
    }

    [TestMethod]
    public void A_folder_with_results_is_not_overwritten_and_another_config_cannot_resume_it()
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "out");
        Assert.AreEqual(0, Cli.Run("run", config, "--out", folder).ExitCode);
        var again = Cli.Run("run", config, "--out", folder);
        Assert.AreEqual(2, again.ExitCode);
        StringAssert.Contains(again.Output, "already holds results");
        var other = Cli.Run("run", Cli.Config(Cli.Small.Replace("seed = 5", "seed = 6", StringComparison.Ordinal)), "--resume", folder);
        Assert.AreEqual(2, other.ExitCode);
        StringAssert.Contains(other.Output, "holds results of another campaign");
    }

    [TestMethod]
    public void Fault_records_match_the_trials_and_the_bit_patterns()
    {
        string config = Cli.Config(Cli.Small.Replace("batch_size = 50", "batch_size = 50\nfault_records = true", StringComparison.Ordinal));
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "out");
        var result = Cli.Run("run", config, "--out", folder);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        var perTrial = DuckDb.Query($"SELECT t.trial, t.faults, count(f.trial) FROM read_parquet('{folder}/trials.parquet') t LEFT JOIN " +
            $"read_parquet('{folder}/faults.parquet') f USING (trial) GROUP BY ALL ORDER BY t.trial");
        Assert.IsTrue(perTrial.All(r => (long)r[1]! == (long)r[2]!), "one record per fault counted in trials.parquet");
        var bad = DuckDb.Query($"SELECT count(*) FROM read_parquet('{folder}/faults.parquet') WHERE bits != xor(original_int, " +
            $"faulty_int) OR bit_count(bits & 255) != 1 OR original_int < -127 OR original_int > 127");
        Assert.AreEqual(0L, bad[0][0], "each record flips exactly one of the 8 bits of a quantized weight");
        var coordinates = DuckDb.Query(
            $"SELECT index, coordinates FROM read_parquet('{folder}/faults.parquet') WHERE layer = 'fc1' LIMIT 20");
        foreach (var row in coordinates)
        {
            var c = ((string)row[1]!).Split(',').Select(long.Parse).ToArray();
            Assert.AreEqual((long)row[0]!, c[0] * 400 + c[1], "row-major coordinates of fc1.weight [120, 400]");
        }
        var off = Cli.Config(Cli.Small.Replace("batch_size = 50", "batch_size = 50\nfault_records = false", StringComparison.Ordinal));
        string offFolder = Path.Combine(Path.GetDirectoryName(off)!, "off");
        Assert.AreEqual(0, Cli.Run("run", off, "--out", offFolder).ExitCode);
        Assert.IsFalse(File.Exists(Path.Combine(offFolder, "faults.parquet")));
    }
}
