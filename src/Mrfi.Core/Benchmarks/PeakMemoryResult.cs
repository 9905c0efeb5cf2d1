namespace Mrfi.Core.Benchmarks;

/// <summary>Peak resident set size (VmHWM) over repeated forwards.</summary>
/// <param name="GoldenBytes">Peak RSS while running golden forwards.</param>
/// <param name="InjectedBytes">Peak RSS while running injected forwards (weights and activations, 8-bit, BER 1e-4).</param>
public sealed record PeakMemoryResult(long GoldenBytes, long InjectedBytes)
{
    /// <summary>Injected over golden.</summary>
    public double Ratio => GoldenBytes > 0 ? InjectedBytes / (double)GoldenBytes : double.NaN;
}
