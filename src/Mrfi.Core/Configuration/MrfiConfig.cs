
namespace Mrfi.Core.Configuration;

/// <summary>A parsed, type-checked <c>mrfi.toml</c>; components are still unresolved tables (see
/// <see cref="Planning.PlanBuilder"/>).</summary>
/// <param name="Path">The config file.</param>
/// <param name="Text">The file's text, kept for the manifest.</param>
/// <param name="Model">[model].</param>
/// <param name="Data">[data].</param>
/// <param name="Run">[run].</param>
/// <param name="Sweep">[sweep] variables, in file order.</param>
/// <param name="Repeats">[sweep] repeats: trials per sweep point.</param>
/// <param name="Faults">[[fault_inject]] entries.</param>
/// <param name="Observers">[[observe]] entries.</param>
public sealed record MrfiConfig(
    string Path,
    string Text,
    ModelSection Model,
    DataSection Data,
    RunSection Run,
    IReadOnlyList<SweepVariable> Sweep,
    int Repeats,
    IReadOnlyList<FaultEntrySection> Faults,
    IReadOnlyList<ObserveSection> Observers)
{
    /// <summary>Whether the sweep variables are zipped (the i-th values together) instead of combined as a grid.</summary>
    public bool Zip { get; init; }

    /// <summary>[campaign]: margin, confidence and sequential mode.</summary>
    public CampaignSection Campaign { get; init; } = CampaignSection.Default;

    /// <summary>The top-level <c>plugins</c> patterns (paths or globs, relative to the config's folder) with their locations.</summary>
    public IReadOnlyList<ConfigValue> Plugins { get; init; } = [];

    /// <summary>[gate] entries: thresholds that `dotnet mrfi run` checks after the campaign (exit code 3 when one fails).</summary>
    public IReadOnlyList<GateSection> Gates { get; init; } = [];
}
