namespace Mrfi.Core.Benchmarks;

/// <summary>Times subjects in interleaved rounds: every round runs every subject once, odd rounds in reverse order, so
/// that a row and its golden forward (and an imported model's row and the built-in model's) meet the same machine state
/// and neither always runs first, on a warmer cache.</summary>
/// <param name="clockMs">Milliseconds since any fixed start; a stopwatch unless a test gives a fake clock.</param>
public sealed class PairedRounds(Func<double> clockMs)
{
    /// <summary>Paired rounds on the wall clock.</summary>
    public PairedRounds() : this(Stopwatch()) { }

    /// <summary>Runs <paramref name="warmup"/> untimed rounds, then <paramref name="rounds"/> timed ones.</summary>
    /// <param name="subjects">Timed in this order in even rounds, in reverse in odd ones.</param>
    /// <param name="rounds">Timed rounds (at least 1).</param>
    /// <param name="warmup">Untimed rounds first; they alternate too, round −warmup … −1.</param>
    /// <param name="groups">The subjects form this many equal groups in a row (each model's row and golden forward);
    /// the group that leads rotates every two rounds, so that over four rounds every golden forward follows a row as
    /// often as every other golden forward does.</param>
    public RoundTimes Measure(IReadOnlyList<IBenchSubject> subjects, int rounds, int warmup, int groups = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        if (subjects.Count % groups != 0)
            throw new ArgumentException($"{subjects.Count} subjects do not form {groups} equal groups", nameof(groups));
        var ms = subjects.Select(_ => new List<double>(rounds)).ToArray();
        for (int round = -warmup; round < rounds; round++)
        {
            foreach (int s in Order(round, subjects.Count, groups))
            {
                subjects[s].Prepare(round);
                double start = clockMs();
                subjects[s].Run();
                double elapsed = clockMs() - start;
                subjects[s].Finish(round);
                if (round >= 0) ms[s].Add(elapsed);
            }
        }
        return new RoundTimes(ms);
    }

    /// <summary>The order of <paramref name="round"/>: the groups rotated by round / 2, reversed in odd rounds (timed
    /// round 0 runs the subjects as given).</summary>
    public static IEnumerable<int> Order(int round, int count, int groups)
    {
        int size = count / groups;
        int lead = Mod((round - Mod(round, 2)) / 2, groups);
        var order = Enumerable.Range(0, count).Select(k => (k + lead * size) % count);
        return Mod(round, 2) == 0 ? order : order.Reverse();
    }

    private static int Mod(int a, int m) => ((a % m) + m) % m;

    private static Func<double> Stopwatch()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return () => clock.Elapsed.TotalMilliseconds;
    }
}
