using System.Text.Json;
using Mrfi.Core;
using Mrfi.Results.Parquet;

namespace Mrfi.Tool.Cluster;

/// <summary>What `submit --slurm` sent (DIR/slurm/submit.json), so that `submit --resume DIR` knows the shard count and the jobs
/// to check before it resubmits.</summary>
/// <param name="Shards">Shard count.</param>
/// <param name="ArrayJobs">Every array job submitted for the folder, oldest first.</param>
/// <param name="MergeJobs">Every merge job submitted for the folder, oldest first.</param>
internal sealed record SlurmSubmission(int Shards, IReadOnlyList<long> ArrayJobs, IReadOnlyList<long> MergeJobs)
{
    private const string FileName = "submit.json";

    private static readonly JsonSerializerOptions Json = new()
        { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Whether `submit --slurm` has written a record into <paramref name="results"/>.</summary>
    public static bool Exists(string results) => File.Exists(Path.Combine(SlurmScripts.Folder(results), FileName));

    /// <summary>Reads the record of a results folder, or one error saying it has none.</summary>
    public static SlurmSubmission Read(string results)
    {
        string path = Path.Combine(SlurmScripts.Folder(results), FileName);
        if (!File.Exists(path))
            throw new MrfiException($"{path} does not exist: --resume takes a results folder that `dotnet mrfi submit --slurm` wrote");
        try
        {
            return JsonSerializer.Deserialize<SlurmSubmission>(File.ReadAllText(path), Json) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new MrfiException($"{path} is not a submission record ({e.Message})");
        }
    }

    /// <summary>Writes it beside the scripts, atomically.</summary>
    public void Write(string results) =>
        AtomicFile.WriteAsync(Path.Combine(SlurmScripts.Folder(results), FileName), s => JsonSerializer.SerializeAsync(s, this, Json))
            .GetAwaiter().GetResult();
}
