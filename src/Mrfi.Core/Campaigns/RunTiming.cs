namespace Mrfi.Core.Campaigns;

/// <summary>Sums the wall time of golden passes and faulty trials, for the manifest's overhead figure.</summary>
internal sealed class RunTiming
{
    private readonly Dictionary<int, double> _golden = [];
    private double _trials;
    private int _trialCount;

    /// <summary>The golden pass of sweep point <paramref name="point"/>.</summary>
    public void AddGolden(int point, double seconds) => _golden[point] = seconds;

    public void AddTrial(double seconds) { _trials += seconds; _trialCount++; }

    /// <summary>Trials that ran side by side: their wall time together, so that seconds per trial stays a throughput.</summary>
    public void AddTrials(double seconds, int count) { _trials += seconds; _trialCount += count; }

    /// <summary>Batches whose faulty forward stopped early.</summary>
    public long EarlyExits { get; set; }

    /// <summary>Each golden pass by sweep point: the first one also pays for warming up, which a script may want to leave out.</summary>
    public IReadOnlyDictionary<int, double> GoldenSecondsByPoint => _golden;

    public double GoldenSecondsPerPass => _golden.Count == 0 ? 0 : _golden.Values.Average();

    public double SecondsPerTrial => _trialCount == 0 ? 0 : _trials / _trialCount;
}
