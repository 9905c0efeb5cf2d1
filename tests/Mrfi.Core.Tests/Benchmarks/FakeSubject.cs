using Mrfi.Core.Benchmarks;

namespace Mrfi.Core.Tests.Benchmarks;

/// <summary>A subject on a fake clock: <see cref="Run"/> advances it by a scripted duration; <see cref="Prepare"/> and
/// <see cref="Finish"/> advance it too (untimed work must not be counted) and every call is logged.</summary>
internal sealed class FakeSubject(string name, FakeClock clock, Func<int, double> runMs, List<string> log) : IBenchSubject
{
    private int _round;

    public void Prepare(int round)
    {
        _round = round;
        clock.Now += 1000;
        log.Add($"{name}.prepare({round})");
    }

    public void Run()
    {
        clock.Now += runMs(_round);
        log.Add($"{name}.run");
    }

    public void Finish(int round)
    {
        clock.Now += 500;
        log.Add($"{name}.finish({round})");
    }
}
