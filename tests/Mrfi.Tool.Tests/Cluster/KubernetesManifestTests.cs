using k8s;
using k8s.Models;
using Mrfi.Tool.Tests.Commands;

namespace Mrfi.Tool.Tests.Cluster;

/// <summary>`submit --k8s`: the manifests read as Kubernetes' own Job type (strictly: an unknown or misspelt field fails)
/// and say what a sharded campaign needs. No cluster runs them here.</summary>
[TestClass]
public sealed class KubernetesManifestTests
{
    private static (V1Job Shards, V1Job Merge, string Output, string Folder) Written(params string[] extra)
    {
        string config = Cli.Config(Cli.Small);
        string folder = Path.Combine(Path.GetDirectoryName(config)!, "k8s-campaign");
        // Run from the config's folder, as a user would: config, results and working folder then share it, and the claim goes there.
        var result = RunIn(Path.GetDirectoryName(config)!, ["submit", config, "--k8s", "--shards", "3", "--out", folder, .. extra]);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        V1Job Read(string name) => KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(Path.Combine(folder, "k8s", name)), strict: true);
        return (Read("shards.yaml"), Read("merge.yaml"), result.Output, folder);
    }

    [TestMethod]
    public void The_shards_are_an_indexed_job_whose_pods_run_the_shard_of_their_index()
    {
        var (shards, _, output, folder) =
            Written("--image", "registry.example/mrfi:0.1.0", "--cpus-per-task", "2", "--mem", "3G", "--time", "2:00:00");
        Assert.AreEqual("batch/v1", shards.ApiVersion);
        Assert.AreEqual("Job", shards.Kind);
        Assert.AreEqual("Indexed", shards.Spec.CompletionMode);
        Assert.AreEqual(3, shards.Spec.Completions);
        Assert.AreEqual(3, shards.Spec.Parallelism);
        Assert.AreEqual(3, shards.Spec.BackoffLimitPerIndex);
        Assert.AreEqual(7200L, shards.Spec.ActiveDeadlineSeconds);
        Assert.AreEqual("mrfi-k8s-campaign-shards", shards.Metadata.Name);
        var pod = shards.Spec.Template.Spec;
        Assert.AreEqual("Never", pod.RestartPolicy, "an Indexed Job with per-index retries needs Never");
        var container = pod.Containers.Single();
        Assert.AreEqual("registry.example/mrfi:0.1.0", container.Image);
        CollectionAssert.AreEqual(new[] { "sh", "-c" }, container.Command.Take(2).ToArray());
        StringAssert.Contains(container.Command[2], $"exec dotnet-mrfi run ");
        StringAssert.Contains(container.Command[2], $" --out {folder} --shard \"$JOB_COMPLETION_INDEX/3\" --threads 2");
        Assert.AreEqual("2", container.Resources.Requests["cpu"].ToString());
        Assert.AreEqual("3Gi", container.Resources.Requests["memory"].ToString());
        Assert.AreEqual("3Gi", container.Resources.Limits["memory"].ToString());
        // The results folder, the config and the working folder sit under the one mounted claim.
        var mount = container.VolumeMounts.Single();
        Assert.AreEqual("mrfi-data", pod.Volumes.Single(v => v.Name == mount.Name).PersistentVolumeClaim.ClaimName);
        Assert.AreEqual(Path.GetDirectoryName(folder), mount.MountPath,
            "the folder that holds the config, the results and the working folder");
        StringAssert.Contains(output, "kubectl wait --for=condition=complete job/mrfi-k8s-campaign-shards");
        CollectionAssert.AreEquivalent(new[] { "campaign.json", "k8s" },
            Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void The_merge_job_merges_then_reports_on_the_same_claim()
    {
        var (shards, merge, _, folder) = Written("--claim", "results-pvc", "--mount", "/");
        var container = merge.Spec.Template.Spec.Containers.Single();
        Assert.AreEqual($"dotnet-mrfi merge {folder} && dotnet-mrfi report {folder}", container.Command[2]);
        Assert.AreEqual("Never", merge.Spec.Template.Spec.RestartPolicy);
        Assert.IsNull(merge.Spec.CompletionMode, "one pod");
        Assert.AreEqual("results-pvc", merge.Spec.Template.Spec.Volumes.Single().PersistentVolumeClaim.ClaimName);
        Assert.AreEqual("/", shards.Spec.Template.Spec.Containers.Single().VolumeMounts.Single().MountPath);
        Assert.AreEqual("mrfi:" + MrfiApp.Version, container.Image, "the default image is the tool's own version");
    }

    [TestMethod]
    public void A_misspelt_field_would_fail_the_strict_read()
    {
        // The check above is only worth something if the strict read refuses what the API would refuse.
        var (_, _, _, folder) = Written();
        string yaml = File.ReadAllText(Path.Combine(folder, "k8s", "shards.yaml"))
            .Replace("completionMode:", "completionmode:", StringComparison.Ordinal);
        Assert.Throws<Exception>(() => KubernetesYaml.Deserialize<V1Job>(yaml, strict: true));
    }

    [TestMethod]
    public void Resume_is_a_slurm_matter()
    {
        var result = Cli.Run("submit", "--k8s", "--resume", Repo.TempFolder("k8s"));
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "a Kubernetes Indexed Job retries a failed shard itself (backoffLimitPerIndex)");
    }

    [TestMethod]
    public void Folders_that_share_only_the_root_need_an_explicit_mount()
    {
        string config = Cli.Config(Cli.Small);
        // Working in / with the config and results in the temp folder: they share only /.
        var result = RunIn("/", ["submit", config, "--k8s", "--shards", "2", "--out", Path.Combine(Path.GetDirectoryName(config)!, "k"),
            "--dry-run"]);
        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "share no folder but /, where the claim cannot be mounted; give --mount PATH");
    }

    /// <summary>The CLI run with <paramref name="folder"/> as the current folder (Tool tests do not run in parallel).</summary>
    private static Mrfi.Tool.Tests.Commands.CliResult RunIn(string folder, string[] args)
    {
        string before = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            return Cli.Run(args);
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }
}
