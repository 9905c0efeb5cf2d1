namespace Mrfi.Core.Benchmarks;

/// <summary>One thing <see cref="PairedRounds"/> times: a golden forward, a fault row or an observer row of one model.</summary>
/// <remarks>Only <see cref="Run"/> is timed. Set-up a campaign pays once per sweep point (hooks, sessions, a recorded
/// golden pass) belongs in <see cref="Prepare"/>, bookkeeping (fault counts, freeing the outputs) in <see cref="Finish"/>.</remarks>
public interface IBenchSubject
{
    /// <summary>Untimed set-up before the timed run of <paramref name="round"/> (negative in warm-up rounds).</summary>
    void Prepare(int round);

    /// <summary>The timed work: one forward of one batch.</summary>
    void Run();

    /// <summary>Untimed tear-down after the timed run of <paramref name="round"/> (negative in warm-up rounds).</summary>
    void Finish(int round);
}
