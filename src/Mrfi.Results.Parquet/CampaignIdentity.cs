using System.Text.Json;
using Mrfi.Core;
using Mrfi.Core.Planning;
using Mrfi.Results.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>What a results folder belongs to (campaign.json): resuming or adding shards to a folder of another config fails.</summary>
/// <param name="ConfigSha256">Hash of the config text.</param>
/// <param name="Seed">Campaign seed.</param>
/// <param name="Trials">Number of trials of the whole campaign.</param>
/// <param name="Sweep">Sweep variable names (the extra columns).</param>
public sealed record CampaignIdentity(string ConfigSha256, long Seed, int Trials, IReadOnlyList<string> Sweep)
{
    private const string FileName = ResultsLayout.CampaignFile;

    /// <summary>The config text itself (null in folders written before it was kept), to say which keys another config changes.</summary>
    public string? ConfigText { get; init; }

    /// <summary>The identity of <paramref name="plan"/>, whose [run] seed is the effective one (`--seed` applied when loading).</summary>
    public static CampaignIdentity For(CampaignPlan plan) =>
        new(ParquetResultSink.Sha256(System.Text.Encoding.UTF8.GetBytes(plan.Config.Text)), plan.Config.Run.Seed, plan.TrialCount,
            plan.SweepNames)
        {
            ConfigText = plan.Config.Text,
        };

    /// <summary>Whether <paramref name="other"/> is the same campaign (config, seed, trials; the sweep names follow from the
    /// config).</summary>
    public bool SameCampaign(CampaignIdentity other) => ConfigSha256 == other.ConfigSha256 && Seed == other.Seed && Trials == other.Trials;

    /// <summary>What differs between this (the folder's) campaign and <paramref name="other"/> (the one asked for): the config
    /// (its hashes and the keys set differently, when the folder kept its text), the seed, the trial count.</summary>
    public string Differences(CampaignIdentity other, string? folderConfigText)
    {
        var parts = new List<string>();
        if (ConfigSha256 != other.ConfigSha256)
        {
            string? before = ConfigText ?? folderConfigText;
            var keys = before is null || other.ConfigText is null ? [] : ConfigKeyDiff.Keys(before, other.ConfigText);
            string which = keys.Count == 0 ? ""
                : $"; keys that differ: {string.Join(", ", keys.Take(12))}{(keys.Count > 12 ? $" and {keys.Count - 12} more" : "")}";
            parts.Add($"config {ConfigSha256[..12]}… in the folder, {other.ConfigSha256[..12]}… now{which}");
        }
        if (Seed != other.Seed) parts.Add($"seed {Seed} in the folder, {other.Seed} now");
        if (Trials != other.Trials) parts.Add($"{Trials} trials in the folder, {other.Trials} now");
        return string.Join("; ", parts);
    }

    /// <summary>The error for a folder that holds <paramref name="existing"/> when <paramref name="asked"/> was asked for: what
    /// differs, and how to go on (the folder's own config, or another folder).</summary>
    public static MrfiException Another(string folder, CampaignIdentity existing, CampaignIdentity asked) =>
        new($"{folder} holds results of another campaign: {existing.Differences(asked, ManifestConfigText(folder))}. "
            + "To continue it, run the config (and --seed) it was started with; to start this one, use another --out");

    /// <summary>The config text a manifest of the folder kept (older folders' campaign.json lacks it), or null.</summary>
    private static string? ManifestConfigText(string folder)
    {
        foreach (var path in ResultsLayout.Manifests(folder))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                if (doc.RootElement.TryGetProperty(ManifestKeys.ConfigText, out var text) && text.ValueKind == JsonValueKind.String)
                    return text.GetString();
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // An unreadable manifest only costs the list of keys.
            }
        }
        return null;
    }

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
            throw new MrfiException($"{path} is not a campaign description: {e.Message}");
        }
    }

    /// <summary>Writes it (atomically).</summary>
    public void Write(string folder) =>
        AtomicFile.WriteAsync(Path.Combine(folder, FileName), s => JsonSerializer.SerializeAsync(s, this, ManifestJson.Options))
            .GetAwaiter().GetResult();
}
