using System.Diagnostics;
using System.Globalization;
using Mrfi.Core.Selectors;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi bench-selectors</c>: RandomPositionByRate (count, then positions) against the per-element
/// Bernoulli reference, on one large tensor at rates 1e-7 … 1e-3, with ratios from the same run.</summary>
internal sealed class BenchSelectorsCommand(IAnsiConsole console) : Command<BenchSelectorsSettings>
{
    private static readonly double[] RateValues = [1e-7, 1e-6, 1e-5, 1e-4, 1e-3];

    public override int Execute(CommandContext context, BenchSelectorsSettings settings, CancellationToken cancellationToken)
    {
        long[] shape = [settings.Size];
        using var generator = new torch.Generator(1);
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("rate", "faults (mean)", "RandomPositionByRate ms", "_classic ms", "classic / fast");
        foreach (var rate in RateValues)
        {
            var fast = new RandomPositionByRateSelector(rate: rate);
            var classic = new RandomPositionByRateClassicSelector(rate: rate);
            var (fastMs, faults) = Time(fast, shape, generator, settings.Iterations);
            var (classicMs, _) = Time(classic, shape, generator, settings.Iterations);
            table.AddRow(rate.ToString("0e0", CultureInfo.InvariantCulture), faults.ToString("F1", CultureInfo.InvariantCulture),
                fastMs.ToString("F3", CultureInfo.InvariantCulture), classicMs.ToString("F1", CultureInfo.InvariantCulture),
                (classicMs / fastMs).ToString("F0", CultureInfo.InvariantCulture) + "×");
        }
        console.WriteLine($"tensor of {settings.Size:N0} elements, median of {settings.Iterations} draws, {torch.get_num_threads()} " +
            $"threads");
        console.Write(table);
        return 0;
    }

    private static (double Ms, double Faults) Time(ISelector selector, long[] shape, torch.Generator generator, int iterations)
    {
        var times = new List<double>();
        long faults = 0;
        for (int i = -1; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            using var idx = selector.Select(shape, generator);
            double ms = clock.Elapsed.TotalMilliseconds;
            if (i < 0) continue;   // warm-up
            times.Add(ms);
            faults += idx.numel();
        }
        times.Sort();
        return (times[times.Count / 2], faults / (double)iterations);
    }
}
