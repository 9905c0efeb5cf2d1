using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Results.Parquet;
using Mrfi.Results.Schema;
using Mrfi.Tool.Cluster;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi submit</c>: checks the campaign here, then hands its shards to a cluster: a Slurm job array and a
/// merge-and-report job (submitted with sbatch), or a Kubernetes Indexed Job and a merge Job (written, to apply).</summary>
internal sealed class SubmitCommand(IAnsiConsole console) : Command<SubmitSettings>
{
    public override int Execute(CommandContext context, SubmitSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        if (settings.Slurm == settings.Kubernetes)
            throw new MrfiException("choose the scheduler: --slurm (submits with sbatch) or --k8s (writes Kubernetes Jobs)");
        if (settings.Resume is not null)
        {
            if (settings.Kubernetes)
                throw new MrfiException("--resume is for --slurm; a Kubernetes Indexed Job retries a failed shard itself " +
                    "(backoffLimitPerIndex), and applying DIR/k8s/shards.yaml again runs what is missing");
            if (settings.Out is not null || settings.Shards is not null)
                throw new MrfiException("--resume DIR continues the submission in DIR with its own shard count; do not give --out or " +
                    "--shards as well");
            return new SlurmResume(console).Run(Path.GetFullPath(settings.Resume), Resources(settings), settings.DryRun);
        }
        var (job, identity) = Prepare(settings);
        return settings.Slurm ? SubmitSlurm(job, identity, settings.DryRun) : WriteKubernetes(job, identity, settings);
    });

    /// <summary>Loads and checks the campaign as `run` would (model, data, a dry forward), then fixes the folder and the shards.</summary>
    private static (ClusterJob Job, CampaignIdentity Identity) Prepare(SubmitSettings settings)
    {
        if (settings.Shards is not { } shards) throw new MrfiException("--shards N is needed: how many shards to split the campaign into");
        if (shards < 1) throw new MrfiException($"--shards {shards}: give at least 1");
        if (settings.CpusPerTask is < 1) throw new MrfiException($"--cpus-per-task {settings.CpusPerTask}: give at least 1");
        var resources = Resources(settings);
        var plan = ToolCatalog.Load(settings.Config, settings.Options with { Request = new RunRequest { Seed = settings.Seed } });
        using (plan.Model)
        {
            Engine.RunEngine.RefuseSequential(plan.Config, "submit --shards");
            if (shards > plan.TrialCount)
                throw new MrfiException($"--shards {shards}: the campaign has {plan.TrialCount} trial(s) ({plan.Points.Count} sweep " +
                    $"point(s) × {plan.Repeats} repeat(s)); give at most {plan.TrialCount} shards");
            string folder = Path.GetFullPath(settings.Out ?? ResultsFolder.NewUnder(plan.Config.Run.Output));
            // A second submission into a folder whose first one may still be queued would run the same shards twice.
            if (ResultsLayout.Files(folder, TrialColumns.Table.Name).Count > 0
                || File.Exists(ResultsLayout.Merged(folder, TrialColumns.Table.Name)) || SlurmSubmission.Exists(folder))
                throw new MrfiException($"--out {folder} already holds a campaign; choose another folder (or `dotnet mrfi submit --slurm " +
                    $"--resume {folder}` to finish a submitted one)");
            var job = new ClusterJob(Path.GetFullPath(settings.Config), folder, Environment.CurrentDirectory, shards, settings.Seed,
                settings.CpusPerTask ?? 1, settings.Options, resources);
            // The costly check last: the data and a dry forward, as `run` does before it writes anything.
            using (var data = CampaignRunner.LoadData(plan))
                Watched.DryRun(plan, data);
            return (job, CampaignIdentity.For(plan));
        }
    }

    private static ClusterResources Resources(SubmitSettings s) => new ClusterResources(s.Partition, s.Account, s.Time, s.Mem).Checked();

    private int SubmitSlurm(ClusterJob job, CampaignIdentity identity, bool dryRun)
    {
        string tool = Shell.Join(ToolInvocation.Command());
        string shardsScript = Path.Combine(SlurmScripts.Folder(job.Out), SlurmScripts.ShardsFile);
        string mergeScript = Path.Combine(SlurmScripts.Folder(job.Out), SlurmScripts.MergeFile);
        SlurmScripts.CheckPaths(job);
        if (dryRun)
        {
            Print(shardsScript, SlurmScripts.Shards(job, tool));
            Print(mergeScript, SlurmScripts.Merge(job, tool));
            console.WriteLine($"would run: sbatch --parsable {shardsScript}");
            console.WriteLine($"           sbatch --parsable --dependency=afterok:<array job> --kill-on-invalid-dep=yes {mergeScript}");
            return 0;
        }
        var slurm = SlurmClient.Find();
        Writable(job.Out, identity);
        Directory.CreateDirectory(SlurmScripts.Folder(job.Out));
        WriteScript(shardsScript, SlurmScripts.Shards(job, tool));
        WriteScript(mergeScript, SlurmScripts.Merge(job, tool));
        long array = slurm.Submit(shardsScript, []);
        // Recorded at once, so that `--resume` knows the array even if the merge job cannot be submitted.
        new SlurmSubmission(job.Shards, [array], []).Write(job.Out);
        long merge = slurm.Submit(mergeScript, SlurmResume.AfterOk(array));
        new SlurmSubmission(job.Shards, [array], [merge]).Write(job.Out);
        SlurmResume.Submitted(console, job.Out, $"shards 0-{job.Shards - 1}", array, merge);
        return 0;
    }

    private int WriteKubernetes(ClusterJob job, CampaignIdentity identity, SubmitSettings settings)
    {
        string image = settings.Image ?? $"mrfi:{MrfiApp.Version}";
        string claim = settings.Claim ?? "mrfi-data";
        string mount = settings.Mount ?? CommonFolder([Path.GetDirectoryName(job.Config)!, job.Out, job.WorkingDirectory]);
        if (settings.Mount is null && mount == "/")
            throw new MrfiException($"the config, --out {job.Out} and the current folder share no folder but /, where the claim cannot " +
                $"be mounted; give --mount PATH (the claim's mount point in the pods)");
        string folder = KubernetesManifests.Folder(job.Out);
        var files = new[]
        {
            (Path: Path.Combine(folder, KubernetesManifests.ShardsFile), Text: KubernetesManifests.Shards(job, image, claim, mount)),
            (Path: Path.Combine(folder, KubernetesManifests.MergeFile), Text: KubernetesManifests.Merge(job, image, claim, mount)),
        };
        if (settings.DryRun)
        {
            foreach (var (path, text) in files) Print(path, text);
            return 0;
        }
        Writable(job.Out, identity);
        Directory.CreateDirectory(folder);
        foreach (var (path, text) in files) File.WriteAllText(path, text);
        console.WriteLine($"wrote {files[0].Path} (Indexed Job, {job.Shards} shards) and {files[1].Path} (merge and report). Run them " +
            $"with:");
        console.WriteLine($"  kubectl apply -f {files[0].Path}");
        console.WriteLine($"  kubectl wait --for=condition=complete job/{job.Name}-shards --timeout=-1s");
        console.WriteLine($"  kubectl apply -f {files[1].Path}");
        console.WriteLine($"then: dotnet mrfi report {job.Out} (the merge Job writes {Path.Combine(job.Out, "report")})");
        return 0;
    }

    /// <summary>Creates the results folder and writes campaign.json there: proof that the folder is writable before anything
    /// is submitted, and the trial count that `merge` and `submit --resume` check the shards against.</summary>
    private static void Writable(string folder, CampaignIdentity identity)
    {
        try
        {
            Directory.CreateDirectory(folder);
            if (CampaignIdentity.Read(folder) is { } existing && !existing.SameCampaign(identity))
                throw CampaignIdentity.Another(folder, existing, identity);
            identity.Write(folder);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new MrfiException($"--out {folder}: cannot write there ({e.Message}); choose a folder that every node can write");
        }
    }

    private static void WriteScript(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
    }

    private void Print(string path, string text)
    {
        console.WriteLine($"# --- {path}");
        console.Write(new Text(text));
    }

    /// <summary>The deepest folder that holds all of <paramref name="paths"/>.</summary>
    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        var split = paths.Select(p => p.TrimEnd('/').Split('/')).ToList();
        int n = 0;
        while (split.All(s => s.Length > n && s[n] == split[0][n])) n++;
        return n <= 1 ? "/" : string.Join('/', split[0][..n]);
    }
}
