using Mrfi.Core.Injection;

namespace Mrfi.Core.Campaigns;

/// <summary>Receives a campaign's results (e.g. the Parquet writer).</summary>
public interface ICampaignSink
{
    /// <summary>Called once per finished trial, in trial order; <paramref name="faults"/> is empty unless faults are recorded.</summary>
    void AddTrial(TrialRecord trial, IReadOnlyList<ObserverRecord> observers, IReadOnlyList<FaultRecord> faults);

    /// <summary>Called once after the last trial; writes everything durable.</summary>
    void Complete(CampaignSummary summary);
}
