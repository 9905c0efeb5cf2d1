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
    public RoundTimes Measure(IReadOnlyList<IBenchSubject> subjects, int rounds, int warmup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        var ms = subjects.Select(_ => new List<double>(rounds)).ToArray();
        for (int round = -warmup; round < rounds; round++)
        {
            // Which goes first alternates with the round (warm-up included), so timed round 0 always runs forwards.
            bool forwards = ((round % 2) + 2) % 2 == 0;
            for (int k = 0; k < subjects.Count; k++)
            {
                int s = forwards ? k : subjects.Count - 1 - k;
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

    private static Func<double> Stopwatch()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return () => clock.Elapsed.TotalMilliseconds;
    }
}
