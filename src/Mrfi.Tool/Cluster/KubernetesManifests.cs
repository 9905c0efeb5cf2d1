using System.Globalization;
using System.Text.Json;

namespace Mrfi.Tool.Cluster;

/// <summary>The Kubernetes form of a sharded campaign: an Indexed Job (pod K runs shard K = JOB_COMPLETION_INDEX) and a
/// merge Job to apply once it has completed. Not run in mrfi's CI, which has no cluster; the tests check the manifests
/// against the Kubernetes API types.</summary>
internal static class KubernetesManifests
{
    /// <summary>File names in DIR/k8s/.</summary>
    public const string ShardsFile = "shards.yaml", MergeFile = "merge.yaml";

    /// <summary>Retries of one index (a failed or evicted pod) before the Job gives that index up; a retry resumes.</summary>
    public const int RetriesPerIndex = 3;

    /// <summary>The folder of the manifests.</summary>
    public static string Folder(string results) => Path.Combine(results, "k8s");

    /// <summary>The Indexed Job.</summary>
    public static string Shards(ClusterJob job, string image, string claim, string mount)
    {
        string deadline = job.Resources.TimeLimit() is { } limit ? $"\n  activeDeadlineSeconds: {(long)limit.TotalSeconds}" : "";
        return $"""
            # mrfi: the campaign {job.Config} as {job.Shards} shards, one pod each
            # (written by `dotnet mrfi submit --k8s`, mrfi {MrfiApp.Version}). Pod K runs the trials t with t mod {job.Shards} = K.
            # A pod that fails or is evicted is retried ({RetriesPerIndex} times per index) and continues from its shard's finished trials.
            # The image must hold the dotnet-mrfi tool; the claim must hold the config, its model and data, and the results
            # folder, at the paths below (mounted at {mount}).
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {job.Name}-shards
              labels:
                app.kubernetes.io/name: mrfi
                app.kubernetes.io/component: shard
            spec:
              completionMode: Indexed
              completions: {job.Shards}
              parallelism: {job.Shards}
              backoffLimitPerIndex: {RetriesPerIndex}{deadline}
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: mrfi
                    app.kubernetes.io/component: shard
                spec:
                  restartPolicy: Never
            {Pod(job, "shard", image, claim, mount, [job.RunLine("dotnet-mrfi", "$JOB_COMPLETION_INDEX", job.Cpus.ToString(CultureInfo.InvariantCulture))], resources: true)}
            """;
    }

    /// <summary>The merge Job: merge (which checks that no trial is missing or doubled), then the report.</summary>
    public static string Merge(ClusterJob job, string image, string claim, string mount) => $"""
        # mrfi: merge and report of the {job.Shards} shards in {job.Out}
        # (written by `dotnet mrfi submit --k8s`, mrfi {MrfiApp.Version}). Apply it once {job.Name}-shards has completed.
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {job.Name}-merge
          labels:
            app.kubernetes.io/name: mrfi
            app.kubernetes.io/component: merge
        spec:
          backoffLimit: 1
          template:
            metadata:
              labels:
                app.kubernetes.io/name: mrfi
                app.kubernetes.io/component: merge
            spec:
              restartPolicy: Never
        {Pod(job, "merge", image, claim, mount, [.. job.MergeLines("dotnet-mrfi")], resources: false)}
        """;

    /// <summary>The containers and volumes of a pod spec, indented to sit under <c>template.spec</c>.</summary>
    private static string Pod(ClusterJob job, string name, string image, string claim, string mount, IReadOnlyList<string> lines,
        bool resources)
    {
        string script = lines.Count == 1 ? "exec " + lines[0] : string.Join(" && ", lines);
        // Indented to sit under the container (10 spaces).
        string? memory = job.Resources.KubernetesMemory();
        string requests = !resources ? ""
            : $"\n          resources:\n            requests:\n              cpu: {Q(job.Cpus.ToString(CultureInfo.InvariantCulture))}"
            + (memory is null ? "" : $"\n              memory: {Q(memory)}\n            limits:\n              memory: {Q(memory)}");
        return $"""
                  containers:
                    - name: {name}
                      image: {Q(image)}
                      workingDir: {Q(job.WorkingDirectory)}
                      command: ["sh", "-c", {Q(script)}]{requests}
                      volumeMounts:
                        - name: data
                          mountPath: {Q(mount)}
                  volumes:
                    - name: data
                      persistentVolumeClaim:
                        claimName: {Q(claim)}
            """;
    }

    /// <summary>A YAML double-quoted scalar (JSON's string escapes are YAML's).</summary>
    private static string Q(string value) => JsonSerializer.Serialize(value);
}
