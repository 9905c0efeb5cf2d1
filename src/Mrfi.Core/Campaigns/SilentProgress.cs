namespace Mrfi.Core.Campaigns;

/// <summary>Progress that nobody watches (scripts, benchmarks, tests).</summary>
internal sealed class SilentProgress : ICampaignProgress
{
    public void Started(int trials) { }

    public void Phase(string description) { }

    public void TrialFinished(TrialRecord trial, int done, int total) { }
}
