using System.Text.Json;
using Mrfi.Tool.Tests.Commands;

namespace Mrfi.Tool.Tests.Cluster;

/// <summary>`submit --slurm` on any machine: what it checks, what it writes and what it hands to sbatch (through
/// <see cref="FakeSlurm"/>). Cli.Small is 2 points × 2 repeats = 4 trials.</summary>
[TestClass]
public sealed class SubmitCommandTests
{
    private static (int ExitCode, string Output) Submit(params string[] args)
    {
        var result = Cli.Run(["submit", .. args]);
        return (result.ExitCode, result.Output);
    }

    private static string Out(string config, string name = "sharded") => Path.Combine(Path.GetDirectoryName(config)!, name);

    [TestMethod]
    [DataRow("0", "--shards 0: give at least 1")]
    [DataRow("5", "--shards 5: the campaign has 4 trial(s) (2 sweep point(s) × 2 repeat(s)); give at most 4 shards")]
    public void A_shard_count_the_campaign_cannot_have_is_a_user_error(string shards, string message)
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        var (code, output) = Submit(config, "--slurm", "--shards", shards, "--out", Out(config));
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, message);
        Assert.IsEmpty(slurm.SbatchCalls);
        Assert.IsFalse(Directory.Exists(Out(config)), "nothing is written for a refused submission");
    }

    [TestMethod]
    public void Sbatch_missing_from_path_is_one_clear_error_and_nothing_is_written()
    {
        string config = Cli.Config(Cli.Small);
        using (new FakeSlurm(onPath: false))
        {
            var (code, output) = Submit(config, "--slurm", "--shards", "2", "--out", Out(config));
            Assert.AreEqual(2, code, output);
            StringAssert.Contains(output, "error: sbatch is not on PATH");
            StringAssert.Contains(output, "--dry-run");
            Assert.DoesNotContain("   at ", output, "no stack trace");
        }
        Assert.IsFalse(Directory.Exists(Out(config)));
    }

    [TestMethod]
    public void A_results_folder_that_cannot_be_written_is_refused_before_anything_is_submitted()
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        // A folder under a regular file cannot be made, even by root (permissions alone would not stop root).
        string file = Path.Combine(Path.GetDirectoryName(config)!, "a-file");
        File.WriteAllText(file, "");
        var (code, output) = Submit(config, "--slurm", "--shards", "2", "--out", Path.Combine(file, "results"));
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, $"error: --out '{Path.Combine(file, "results")}' lies under '{file}', which is a file, not a folder");
        Assert.IsEmpty(slurm.SbatchCalls);
    }

    [TestMethod]
    [DataRow("--time", "90 minutes", "--time 90 minutes: write the limit as Slurm does")]
    [DataRow("--mem", "4GB", "--mem 4GB: write megabytes or a number with K, M, G or T")]
    [DataRow("--cpus-per-task", "0", "--cpus-per-task 0: give at least 1")]
    [DataRow("--partition", "a b", "--partition 'a b': a partition name has no spaces or quotes")]
    public void Resources_in_a_form_slurm_does_not_take_are_refused(string option, string value, string message)
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        var (code, output) = Submit(config, "--slurm", "--shards", "2", "--out", Out(config), option, value);
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, message);
        Assert.IsEmpty(slurm.SbatchCalls);
    }

    [TestMethod]
    public void A_scheduler_must_be_chosen_and_only_one()
    {
        string config = Cli.Config(Cli.Small);
        foreach (var args in new[] { new[] { config, "--shards", "2" }, [config, "--shards", "2", "--slurm", "--k8s"] })
        {
            var (code, output) = Submit(args);
            Assert.AreEqual(2, code, output);
            StringAssert.Contains(output, "choose the scheduler: --slurm (submits with sbatch) or --k8s");
        }
    }

    [TestMethod]
    public void Submit_writes_absolute_scripts_and_submits_the_merge_to_run_after_every_shard()
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        string folder = Out(config);
        var (code, output) = Submit(config, "--slurm", "--shards", "3", "--out", folder, "--cpus-per-task", "2", "--time", "1-02:00:00",
            "--partition", "short", "--seed", "9");
        Assert.AreEqual(0, code, output);

        string shards = Path.Combine(folder, "slurm", "shards.sbatch"), merge = Path.Combine(folder, "slurm", "merge.sbatch");
        CollectionAssert.AreEqual(new[] { $"--parsable {shards}",
            $"--dependency=afterok:4242 --kill-on-invalid-dep=yes --parsable {merge}" }, slurm.SbatchCalls);
        StringAssert.Contains(output, "as Slurm job array 4242");
        StringAssert.Contains(output, "squeue -j 4242,4243");

        string script = File.ReadAllText(shards);
        foreach (var line in new[] { "#SBATCH --array=0-2", "#SBATCH --cpus-per-task=2", "#SBATCH --requeue", "#SBATCH --partition=short",
            "#SBATCH --time=1-02:00:00",
                     $"#SBATCH --output={folder}/slurm/shard-%a.out", $"#SBATCH --chdir={Environment.CurrentDirectory}" })
            StringAssert.Contains(script, line + "\n");
        string exec = script.Split('\n').Single(l => l.StartsWith("exec ", StringComparison.Ordinal));
        StringAssert.EndsWith(exec, $" run {config} --out {folder} --shard \"$SLURM_ARRAY_TASK_ID/3\" --threads " +
            $"\"${{SLURM_CPUS_PER_TASK:-1}}\" --seed 9");
        // The tool is the one running submit: an absolute dotnet host and this build's dotnet-mrfi.dll, both there.
        var words = exec.Split(' ');
        Assert.IsTrue(Path.IsPathRooted(words[1]) && File.Exists(words[1]), words[1]);
        Assert.AreEqual(Path.Combine(AppContext.BaseDirectory, "dotnet-mrfi.dll"), words[2]);
        Assert.IsTrue(OperatingSystem.IsWindows() || File.GetUnixFileMode(shards).HasFlag(UnixFileMode.UserExecute));

        var mergeLines = File.ReadAllLines(merge);
        Assert.AreEqual($"{words[1]} {words[2]} merge {folder}", mergeLines[^2]);
        Assert.AreEqual($"{words[1]} {words[2]} report {folder}", mergeLines[^1]);

        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "slurm", "submit.json")));
        Assert.AreEqual(3, record.RootElement.GetProperty("shards").GetInt32());
        Assert.AreEqual(4242, record.RootElement.GetProperty("array_jobs")[0].GetInt64());
        using var campaign = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "campaign.json")));
        Assert.AreEqual(4, campaign.RootElement.GetProperty("Trials").GetInt32());
        Assert.AreEqual(9, campaign.RootElement.GetProperty("Seed").GetInt64(), "the shards' seed");
    }

    [TestMethod]
    public void A_rejected_sbatch_is_reported_with_slurms_own_message()
    {
        using var slurm = new FakeSlurm { SbatchError = "sbatch: error: invalid partition specified: gpu" };
        string config = Cli.Config(Cli.Small);
        var (code, output) = Submit(config, "--slurm", "--shards", "2", "--out", Out(config), "--partition", "gpu");
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, "(exit code 1): sbatch: error: invalid partition specified: gpu");
    }

    [TestMethod]
    public void Dry_run_prints_both_scripts_and_writes_and_submits_nothing()
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        var (code, output) = Submit(config, "--slurm", "--shards", "2", "--out", Out(config), "--dry-run");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, $"# --- {Out(config)}/slurm/shards.sbatch");
        StringAssert.Contains(output, "#SBATCH --array=0-1");
        StringAssert.Contains(output, $"merge {Out(config)}");
        StringAssert.Contains(output, "would run: sbatch --parsable");
        Assert.IsEmpty(slurm.SbatchCalls);
        Assert.IsFalse(Directory.Exists(Out(config)));
    }

    [TestMethod]
    public void Resume_resubmits_only_the_shards_that_lack_trials_and_a_new_merge()
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        string folder = Out(config);
        Assert.AreEqual(0, Submit(config, "--slurm", "--shards", "2", "--out", folder).ExitCode);
        // Shard 0 ran; shard 1 was cancelled before it finished anything.
        var shard0 = Cli.Run("run", config, "--out", folder, "--shard", "0/2");
        Assert.AreEqual(0, shard0.ExitCode, shard0.Output);

        var (code, output) = Submit("--slurm", "--resume", folder, "--time", "30");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "submitted shard(s) 1 (2 trials missing)");
        var calls = slurm.SbatchCalls;
        Assert.AreEqual($"--time=30 --array=1 --parsable {folder}/slurm/shards.sbatch", calls[2]);
        Assert.AreEqual($"--time=30 --dependency=afterok:4244 --kill-on-invalid-dep=yes --parsable {folder}/slurm/merge.sbatch", calls[3]);
        CollectionAssert.AreEqual(new[] { "-h -j 4242 -o %i %T", "-h -j 4243 -o %i %T" }, slurm.Calls("squeue"),
            "the earlier jobs are checked first, one by one");

        // Shard 1 done as well: only the merge is left.
        Assert.AreEqual(0, Cli.Run("run", config, "--out", folder, "--shard", "1/2").ExitCode);
        (code, output) = Submit("--slurm", "--resume", folder);
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "every shard of");
        Assert.AreEqual($"--parsable {folder}/slurm/merge.sbatch", slurm.SbatchCalls[4]);
    }

    [TestMethod]
    public void Resume_refuses_while_a_job_of_the_folder_is_still_queued_or_running()
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        string folder = Out(config);
        Assert.AreEqual(0, Submit(config, "--slurm", "--shards", "2", "--out", folder).ExitCode);
        slurm.Queue = "4242_1 RUNNING\n4243 PENDING\n";
        var (code, output) = Submit("--slurm", "--resume", folder);
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, "are still queued or running (4242_1 RUNNING, 4243 PENDING)");
        Assert.HasCount(2, slurm.SbatchCalls, "nothing more was submitted");
    }

    [TestMethod]
    public void Resume_of_a_folder_submit_did_not_write_says_so()
    {
        using var slurm = new FakeSlurm();
        string folder = Repo.TempFolder("not-submitted");
        var (code, output) = Submit("--slurm", "--resume", folder);
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, "--resume takes a results folder that `dotnet mrfi submit --slurm` wrote");
    }

    [TestMethod]
    public void A_second_submission_into_a_submitted_folder_is_refused_so_no_shard_runs_twice()
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        Assert.AreEqual(0, Submit(config, "--slurm", "--shards", "2", "--out", Out(config)).ExitCode);
        var (code, output) = Submit(config, "--slurm", "--shards", "2", "--out", Out(config));
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, $"already holds a campaign; choose another folder (or `dotnet mrfi submit --slurm --resume " +
            $"{Out(config)}`");
        Assert.HasCount(2, slurm.SbatchCalls, "the first submission's two jobs only");
    }

    [TestMethod]
    public void A_results_path_that_sbatch_lines_cannot_carry_is_refused()
    {
        using var slurm = new FakeSlurm();
        string config = Cli.Config(Cli.Small);
        foreach (var name in new[] { "with space", "100%" })
        {
            var (code, output) = Submit(config, "--slurm", "--shards", "2", "--out", Out(config, name));
            Assert.AreEqual(2, code, output);
            StringAssert.Contains(output, "Slurm's #SBATCH lines cannot carry a path with spaces, quotes, % or #");
        }
        Assert.IsEmpty(slurm.SbatchCalls);
    }
}
