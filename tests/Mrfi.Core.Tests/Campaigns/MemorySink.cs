using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;

namespace Mrfi.Core.Tests.Campaigns;

/// <summary>Keeps everything a campaign hands to its sink, for assertions.</summary>
internal sealed class MemorySink : ICampaignSink
{
    public List<TrialRecord> Trials { get; } = [];
    public List<ObserverRecord> Observers { get; } = [];
    public List<FaultRecord> Faults { get; } = [];
    public CampaignSummary? Summary { get; private set; }

    public void AddTrial(TrialRecord trial, IReadOnlyList<ObserverRecord> observers, IReadOnlyList<FaultRecord> faults)
    {
        Trials.Add(trial);
        Observers.AddRange(observers);
        Faults.AddRange(faults);
    }

    public void Complete(CampaignSummary summary) => Summary = summary;
}
