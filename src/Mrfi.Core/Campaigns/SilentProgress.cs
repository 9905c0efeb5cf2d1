namespace Mrfi.Core.Campaigns;

/// <summary>Progress that nobody watches (scripts, benchmarks, tests).</summary>
public sealed class SilentProgress : ICampaignProgress
{
    /// <inheritdoc />
    public void Started(int trials) { }

    /// <inheritdoc />
    public void Phase(string description) { }

    /// <inheritdoc />
    public void TrialFinished(TrialRecord trial, int done, int total) { }
}
