namespace Mrfi.Core.Campaigns;

/// <summary>Reports a campaign's progress (console bar, log lines).</summary>
public interface ICampaignProgress
{
    /// <summary>The campaign is about to run <paramref name="trials"/> trials.</summary>
    void Started(int trials);

    /// <summary>A phase before the trials (loading, float pass, golden pass).</summary>
    void Phase(string description);

    /// <summary>A trial finished.</summary>
    void TrialFinished(TrialRecord trial, int done, int total);
}
