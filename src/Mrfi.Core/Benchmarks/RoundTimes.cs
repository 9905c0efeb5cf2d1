namespace Mrfi.Core.Benchmarks;

/// <summary>Milliseconds of every subject in every timed round of <see cref="PairedRounds"/>: <c>Ms[s][r]</c> is subject
/// <c>s</c> in round <c>r</c>.</summary>
public sealed class RoundTimes(IReadOnlyList<IReadOnlyList<double>> ms)
{
    /// <summary>The times, subject by subject, round by round.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Ms { get; } = ms;

    /// <summary>Timed rounds.</summary>
    public int Rounds => Ms.Count == 0 ? 0 : Ms[0].Count;

    /// <summary>The median time of <paramref name="subject"/>.</summary>
    public double Median(int subject) => InjectionBenchmark.Median(Ms[subject]);

    /// <summary>The median over rounds of <paramref name="subject"/>'s time over <paramref name="reference"/>'s in the same
    /// round: each ratio compares two runs that met the same machine, so load that drifts between rounds cancels.</summary>
    public double Ratio(int subject, int reference) => InjectionBenchmark.Median(Ratios(subject, reference));

    /// <summary><paramref name="subject"/>'s time over <paramref name="reference"/>'s, round by round.</summary>
    public IReadOnlyList<double> Ratios(int subject, int reference) => [.. Ms[subject].Zip(Ms[reference], (a, b) => a / b)];
}
