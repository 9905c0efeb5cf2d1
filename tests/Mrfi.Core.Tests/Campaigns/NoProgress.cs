using Mrfi.Core.Campaigns;

namespace Mrfi.Core.Tests.Campaigns;

/// <summary>Progress that nobody watches.</summary>
internal sealed class NoProgress : ICampaignProgress
{
    public void Started(int trials) { }
    public void Phase(string description) { }
    public void TrialFinished(TrialRecord trial, int done, int total) { }
}
