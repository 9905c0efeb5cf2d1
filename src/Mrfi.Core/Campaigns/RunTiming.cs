namespace Mrfi.Core.Campaigns;

/// <summary>Sums the wall time of golden passes and faulty trials, for the manifest's overhead figure.</summary>
internal sealed class RunTiming
{
    private double _golden;
    private int _goldenPasses;
    private double _trials;
    private int _trialCount;

    public void AddGolden(double seconds) { _golden += seconds; _goldenPasses++; }

    public void AddTrial(double seconds) { _trials += seconds; _trialCount++; }

    /// <summary>Trials that ran side by side: their wall time together, so that seconds per trial stays a throughput.</summary>
    public void AddTrials(double seconds, int count) { _trials += seconds; _trialCount += count; }

    /// <summary>Batches whose faulty forward stopped early.</summary>
    public long EarlyExits { get; set; }

    public double GoldenSecondsPerPass => _goldenPasses == 0 ? 0 : _golden / _goldenPasses;

    public double SecondsPerTrial => _trialCount == 0 ? 0 : _trials / _trialCount;
}
