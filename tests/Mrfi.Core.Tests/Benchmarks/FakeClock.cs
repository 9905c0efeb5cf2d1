namespace Mrfi.Core.Tests.Benchmarks;

/// <summary>A clock that only moves when a <see cref="FakeSubject"/> moves it.</summary>
internal sealed class FakeClock
{
    public double Now { get; set; }
}
