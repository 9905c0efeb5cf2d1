using Mrfi.Core.Configuration;

namespace Mrfi.Core.Campaigns;

/// <summary>What one run of a campaign asks for beyond its config: overrides of [run], which trials, where the results go.</summary>
/// <remarks>The command line maps its options to one request, which travels into the engine: <see cref="Apply"/> puts its
/// overrides into the config once, before anything is planned or drawn, so every random draw (untrained weights, synthetic
/// data, the dry forward, the trials) reads the effective seed from <c>config.Run.Seed</c> and nowhere else.</remarks>
public sealed record RunRequest
{
    /// <summary>`--seed`: replaces [run] seed.</summary>
    public long? Seed { get; init; }

    /// <summary>`--threads`: replaces [run] threads.</summary>
    public int? Threads { get; init; }

    /// <summary>`--shard K/N`: run only this shard's trials.</summary>
    public Shard? Shard { get; init; }

    /// <summary>`--trial`: replay only these trials (all when empty).</summary>
    public IReadOnlySet<long> Trials { get; init; } = new HashSet<long>();

    /// <summary>The results folder (`--out` or `--resume`); null: a new folder under [run] output.</summary>
    public string? Output { get; init; }

    /// <summary>Whether <see cref="Output"/> holds an interrupted run of the campaign to continue.</summary>
    public bool Resume { get; init; }

    /// <summary>Trials already finished in the results folder, by whichever run or shard (resume): they are not run again.</summary>
    public IReadOnlySet<long> Finished { get; init; } = new HashSet<long>();

    /// <summary>This folder's finished trials, which sequential mode counts when it decides to stop a point, exactly as the
    /// uninterrupted run did.</summary>
    public IReadOnlyDictionary<long, TrialRecord> FinishedRecords { get; init; } = new Dictionary<long, TrialRecord>();

    /// <summary>Whether only a part of the campaign runs (a shard or a replay), which a gate cannot judge.</summary>
    public bool Partial => Shard is not null || Trials.Count > 0;

    /// <summary>The config with this request's overrides: the one place the effective seed (and thread count) is decided.</summary>
    public MrfiConfig Apply(MrfiConfig config) => Seed is null && Threads is null ? config
        : config with { Run = config.Run with { Seed = Seed ?? config.Run.Seed, Threads = Threads ?? config.Run.Threads } };

    /// <summary>Whether trial <paramref name="trial"/> runs: asked for, this shard's, and not finished before.</summary>
    public bool Includes(long trial) =>
        (Trials.Count == 0 || Trials.Contains(trial)) && (Shard?.Includes(trial) ?? true) && !Finished.Contains(trial);

    /// <summary>Whether every trial runs.</summary>
    public bool All => Trials.Count == 0 && Shard is null && Finished.Count == 0;
}
