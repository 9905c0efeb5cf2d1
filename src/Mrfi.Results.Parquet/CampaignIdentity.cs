using System.Text.Json;
using Mrfi.Core;
using Mrfi.Core.Planning;

namespace Mrfi.Results.Parquet;

/// <summary>What a results folder belongs to (campaign.json): resuming or adding shards to a folder of another config fails.</summary>
/// <param name="ConfigSha256">Hash of the config text.</param>
/// <param name="Seed">Campaign seed.</param>
/// <param name="Trials">Number of trials of the whole campaign.</param>
/// <param name="Sweep">Sweep variable names (the extra columns).</param>
public sealed record CampaignIdentity(string ConfigSha256, long Seed, int Trials, IReadOnlyList<string> Sweep)
{
    private const string FileName = "campaign.json";

    /// <summary>The identity of <paramref name="plan"/>, whose [run] seed is the effective one (`--seed` applied when loading).</summary>
    public static CampaignIdentity For(CampaignPlan plan) =>
        new(ParquetResultSink.Sha256(System.Text.Encoding.UTF8.GetBytes(plan.Config.Text)), plan.Config.Run.Seed, plan.TrialCount, plan.SweepNames);

    /// <summary>Whether <paramref name="other"/> is the same campaign (config, seed, trials; the sweep names follow from the config).</summary>
    public bool SameCampaign(CampaignIdentity other) => this with { Sweep = [] } == other with { Sweep = [] };

    /// <summary>Reads the identity of a folder, or null when it has none.</summary>
    public static CampaignIdentity? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<CampaignIdentity>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new MrfiException($"error: {path} is not a campaign description: {e.Message}");
        }
    }

    /// <summary>Writes it (atomically).</summary>
    public void Write(string folder) =>
        AtomicFile.WriteAsync(Path.Combine(folder, FileName), s => JsonSerializer.SerializeAsync(s, this, ManifestJson.Options)).GetAwaiter().GetResult();
}
