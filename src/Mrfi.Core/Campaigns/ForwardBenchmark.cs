using System.Diagnostics;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>Times one batch's forward as the plain float model, as a golden run and as a faulty run, in one process, interleaved.</summary>
public static class ForwardBenchmark
{
    /// <summary>Median milliseconds per forward of one batch in each mode.</summary>
    /// <param name="BatchSize">Images per forward.</param>
    /// <param name="Iterations">Timed forwards per mode.</param>
    /// <param name="FloatMs">Plain model, no hooks.</param>
    /// <param name="GoldenMs">Hooks attached, quantization only.</param>
    /// <param name="FaultyMs">Hooks attached, quantization and faults (the first sweep point).</param>
    public sealed record Result(int BatchSize, int Iterations, double FloatMs, double GoldenMs, double FaultyMs);

    /// <summary>Runs the benchmark on the plan's first sweep point and the first batch of <paramref name="images"/>.</summary>
    public static Result Run(CampaignPlan plan, Tensor images, int iterations, int warmup = 5)
    {
        var model = plan.Model;
        using var noGrad = torch.no_grad();
        var floats = new List<double>();
        var goldens = new List<double>();
        var faulty = new List<double>();
        for (int i = -warmup; i < iterations; i++)
        {
            // Interleave the modes so that drift in machine load hits all three alike.
            double f = Time(() => model.call(images));
            using var session = new FaultInjectionSession(model, plan.Points[0].Entries, []) { Mode = InjectionMode.Golden };
            session.BeginTrial(i);
            double g = Time(() => model.call(images));
            session.Mode = InjectionMode.Faulty;
            double x = Time(() => model.call(images));
            if (i < 0) continue;
            floats.Add(f);
            goldens.Add(g);
            faulty.Add(x);
        }
        return new Result((int)images.shape[0], iterations, Median(floats), Median(goldens), Median(faulty));
    }

    private static double Time(Func<Tensor> forward)
    {
        using var scope = torch.NewDisposeScope();
        var clock = Stopwatch.StartNew();
        forward();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
