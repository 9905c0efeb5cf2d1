using System.Diagnostics;
using System.Text.Json;
using Mrfi.Tool.Tests.Commands;

namespace Mrfi.Tool.Tests.Cluster;

/// <summary>`submit --slurm` against a real Slurm (slurmctld and slurmd, started by scripts/slurm-local.sh; CI does it). They
/// run wherever Slurm is installed or MRFI_SLURM_TESTS=1 asks for them, and then fail — never skip — when no cluster
/// answers; on a machine without Slurm they are inconclusive and say why.</summary>
[TestClass]
public sealed class SlurmClusterTests
{
    private static readonly string[] TimingColumns = ["elapsed_s", "finished_at"];

    private static void RequireCluster()
    {
        bool asked = Environment.GetEnvironmentVariable("MRFI_SLURM_TESTS") == "1";
        string? sinfo = Which("sinfo");
        if (sinfo is null && !asked)
            Assert.Inconclusive("Slurm is not installed here: scripts/slurm-local.sh install && scripts/slurm-local.sh start, then " +
                "export SLURM_CONF as it prints (CI does this)");
        Assert.IsNotNull(sinfo, "MRFI_SLURM_TESTS=1 but sinfo is not on PATH: scripts/slurm-local.sh install");
        var (code, output) = Execute("sinfo", "-h", "-o", "%t");
        Assert.IsTrue(code == 0 && output.Split('\n').Any(s => s.Trim() is "idle" or "mix" or "alloc"),
            $"Slurm is installed but no idle node answers (sinfo exit {code}: {output.Trim()}); start the local cluster with " +
            $"scripts/slurm-local.sh start and export " +
            $"SLURM_CONF={Environment.GetEnvironmentVariable("SLURM_CONF") ?? "/tmp/mrfi-slurm/slurm.conf"}");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Four_shards_on_slurm_merge_to_the_single_machine_run_row_for_row()
    {
        RequireCluster();
        string config = Path.Combine(Repo.Root, "mrfi.toml");   // the shipped default campaign
        string folder = Repo.TempFolder("slurm");
        string sharded = Path.Combine(folder, "sharded");
        var clock = Stopwatch.StartNew();
        var submit = Cli.Run("submit", config, "--slurm", "--shards", "4", "--out", sharded);
        Assert.AreEqual(0, submit.ExitCode, submit.Output);
        WaitForJobs(sharded);
        double slurmSeconds = clock.Elapsed.TotalSeconds;
        AssertMergedAndReported(sharded);

        clock.Restart();
        var single = Cli.Run("run", config, "--out", Path.Combine(folder, "single"));
        Assert.AreEqual(0, single.ExitCode, single.Output);
        Console.WriteLine($"4 Slurm shards (submit to report): {slurmSeconds:F1} s; one process in-process: " +
            $"{clock.Elapsed.TotalSeconds:F1} s");
        AssertSameRows(Path.Combine(folder, "single"), sharded);
        Assert.AreEqual(4, Directory.GetFiles(Path.Combine(sharded, "trials")).Length, "one compacted file per shard");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void A_cancelled_shard_resubmitted_with_resume_completes_the_campaign_with_nothing_lost_or_run_twice()
    {
        RequireCluster();
        // The default campaign with 12 repeats: 60 trials, 15 per shard, long enough to cancel a shard half-way.
        string folder = Repo.TempFolder("slurm-cancel");
        string config = Path.Combine(folder, "mrfi.toml");
        File.WriteAllText(config, File.ReadAllText(Path.Combine(Repo.Root, "mrfi.toml"))
            .Replace("repeats = 3", "repeats = 12", StringComparison.Ordinal)
            .Replace("\"examples/assets/", $"\"{Repo.Assets}/", StringComparison.Ordinal));
        string sharded = Path.Combine(folder, "sharded");
        var submit = Cli.Run("submit", config, "--slurm", "--shards", "4", "--out", sharded);
        Assert.AreEqual(0, submit.ExitCode, submit.Output);
        long array = Record(sharded).GetProperty("array_jobs")[0].GetInt64();

        // Cancel task 2 once it has finished a trial, like a pre-emption or a user's scancel.
        var clock = Stopwatch.StartNew();
        while (Directory.Exists(Path.Combine(sharded, "trials"))
            ? Directory.GetFiles(Path.Combine(sharded, "trials"), "part-2-of-4-*").Length == 0 : true)
        {
            Assert.IsLessThan(300, clock.Elapsed.TotalSeconds, "shard 2 never finished a trial:\n" + Logs(sharded));
            Thread.Sleep(50);
        }
        Assert.AreEqual(0, Execute("scancel", $"{array}_2").Code);
        WaitForJobs(sharded);
        Assert.IsFalse(File.Exists(Path.Combine(sharded, "trials.parquet")), "the merge job must not run after a failed shard");
        long kept = Count($"{sharded}/trials/*.parquet", "trial % 4 = 2");
        Assert.IsLessThan(15L, kept, "shard 2 was cancelled before it finished (else this test checks nothing)");
        Assert.IsGreaterThanOrEqualTo(1L, kept);

        var resume = Cli.Run("submit", "--slurm", "--resume", sharded);
        Assert.AreEqual(0, resume.ExitCode, resume.Output);
        StringAssert.Contains(resume.Output, $"submitted shard(s) 2 ({15 - kept} trials missing)");
        WaitForJobs(sharded);
        AssertMergedAndReported(sharded);
        Assert.AreEqual(60L, Count($"{sharded}/trials.parquet", "true"));

        var single = Cli.Run("run", config, "--out", Path.Combine(folder, "single"));
        Assert.AreEqual(0, single.ExitCode, single.Output);
        AssertSameRows(Path.Combine(folder, "single"), sharded);
    }

    /// <summary>Waits until no job of the folder's submissions is queued or running.</summary>
    private static void WaitForJobs(string results)
    {
        var record = Record(results);
        string ids = string.Join(',', record.GetProperty("array_jobs").EnumerateArray()
            .Concat(record.GetProperty("merge_jobs").EnumerateArray()).Select(j => j.GetInt64()));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (code, output) = Execute("squeue", "-h", "-j", ids, "-o", "%i %T %r");
            if (code == 0 && output.Trim().Length == 0) return;
            Assert.IsLessThan(480, clock.Elapsed.TotalSeconds,
                $"jobs {ids} still in the queue after 8 minutes:\n{output}\n{Logs(results)}");
            Thread.Sleep(500);
        }
    }

    private static void AssertMergedAndReported(string results)
    {
        Assert.IsTrue(File.Exists(Path.Combine(results, "trials.parquet")), "the merge job did not merge:\n" + Logs(results));
        Assert.IsTrue(File.Exists(Path.Combine(results, "report", "report.html")), "the merge job did not report:\n" + Logs(results));
    }

    /// <summary>trials (but for the timing columns), observers, faults and points equal, row for row.</summary>
    private static void AssertSameRows(string expected, string actual)
    {
        foreach (var (table, order) in new[] { ("trials", "trial"), ("observers", "trial, layer, position, observer, metric, index"),
            ("faults", "trial, batch, layer, tensor, index"), ("points", "point") })
        {
            string columns = string.Join(", ",
                DuckDb.Schema(Path.Combine(expected, table + ".parquet")).Keys.Where(c => !TimingColumns.Contains(c)));
            var want = DuckDb.Query($"SELECT {columns} FROM read_parquet('{expected}/{table}.parquet') ORDER BY {order}");
            var got = DuckDb.Query($"SELECT {columns} FROM read_parquet('{actual}/{table}.parquet') ORDER BY {order}");
            Assert.IsNotEmpty(want, table);
            Assert.HasCount(want.Count, got, table);
            CollectionAssert.AreEqual(want.SelectMany(r => r).ToList(), got.SelectMany(r => r).ToList(), table);
        }
    }

    private static long Count(string glob, string where) =>
        (long)DuckDb.Query($"SELECT count(*) FROM read_parquet('{glob}') WHERE {where}")[0][0]!;

    private static JsonElement Record(string results) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "slurm", "submit.json"))).RootElement.Clone();

    private static string Logs(string results) =>
        string.Join("\n", Directory.GetFiles(Path.Combine(results, "slurm"), "*.out").Order(StringComparer.Ordinal)
            .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join("\n", File.ReadLines(f).TakeLast(15))}"));

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);

    private static (int Code, string Output) Execute(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
