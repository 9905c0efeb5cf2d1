using Mrfi.Core.Planning;
using Serilog;

namespace Mrfi.Core.Campaigns;

/// <summary>What every sweep point and trial of one run reads: the plan, the workers, where the results go, the float pass's
/// figures; and the one step every finished trial takes, whichever loop ran it.</summary>
internal sealed record RunContext
{
    /// <summary>The campaign (the request's overrides already in its config).</summary>
    public required CampaignPlan Plan { get; init; }

    /// <summary>Which trials run, and those finished before (resume).</summary>
    public required RunRequest Request { get; init; }

    /// <summary>Workers: lane 0 runs on the plan's model.</summary>
    public required IReadOnlyList<TrialLane> Lanes { get; init; }

    /// <summary>Receives every finished trial.</summary>
    public required ICampaignSink Sink { get; init; }

    /// <summary>Told about phases and finished trials.</summary>
    public required ICampaignProgress Progress { get; init; }

    /// <summary>How outputs are scored (decided by the float pass's first output).</summary>
    public required IOutputComparison Comparison { get; init; }

    /// <summary>Float accuracy (NaN when outputs are compared as tensors).</summary>
    public required double FloatAccuracy { get; init; }

    /// <summary>Samples per trial.</summary>
    public required long Samples { get; init; }

    /// <summary>Trials this run will finish, for the progress.</summary>
    public required int Total { get; init; }

    /// <summary>Whether every injected fault goes to the sink.</summary>
    public required bool RecordFaults { get; init; }

    /// <summary>The run's log.</summary>
    public required ILogger Log { get; init; }

    /// <summary>Stops the run between batches.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The campaign seed: [run] seed of the plan's config.</summary>
    public long Seed => Plan.Config.Run.Seed;

    /// <summary>Golden and trial timings, for the manifest.</summary>
    public RunTiming Timing { get; } = new();

    /// <summary>Trials finished so far by this run.</summary>
    public int Done { get; private set; }

    /// <summary>Whether the label order was checked (once per campaign).</summary>
    public bool LabelsChecked { get; set; }

    private NeverRanWarning? _neverRan;

    /// <summary>A finished trial, in trial order: to the sink, the never-ran warning, the timing and the progress.</summary>
    public void Finished(TrialResult result)
    {
        Sink.AddTrial(result.Record, result.Observed, result.Faults);
        (_neverRan ??= new NeverRanWarning(Log)).Check(result.Observed);
        Timing.EarlyExits += result.EarlyExits;
        Progress.TrialFinished(result.Record, ++Done, Total);
    }
}
