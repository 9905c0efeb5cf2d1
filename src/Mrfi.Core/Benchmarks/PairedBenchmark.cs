using Mrfi.Core.Planning;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>Times every <see cref="BenchScenario"/> on one or more models (an imported graph and the built-in model with
/// its weights) row by row: each row runs in <see cref="PairedRounds"/> together with its own model's golden forward and,
/// for a second model, that model's row and golden forward, so every ratio and every difference of ratios is taken
/// between runs that met the same machine.</summary>
/// <remarks>A row's ratio is the median over rounds of (row / golden of the same round), robust against load that
/// drifts between rounds; set-up is untimed as in <see cref="InjectionBenchmark"/>.</remarks>
public static class PairedBenchmark
{
    /// <summary>Measures every row on every plan; one result per plan, in order.</summary>
    /// <param name="plans">Plans from <see cref="BenchScenarios.Config"/> for the same rows (point i is the i-th fault row).</param>
    /// <param name="rows">The scenarios.</param>
    /// <param name="images">One batch, fed to every model.</param>
    /// <param name="iterations">Timed rounds per row.</param>
    /// <param name="warmup">Untimed rounds per row first.</param>
    /// <param name="progress">Called after each row with (done, total).</param>
    public static IReadOnlyList<(double GoldenMs, IReadOnlyList<BenchRow> Rows)> Run(IReadOnlyList<CampaignPlan> plans,
        IReadOnlyList<BenchScenario> rows, Tensor images, int iterations, int warmup, Action<int, int>? progress = null)
    {
        using var noGrad = torch.no_grad();
        var sides = plans.Select(p => new BenchSide(p, rows, images)).ToList();
        var measured = sides.Select(_ => new List<BenchRow>()).ToList();
        var goldens = sides.Select(_ => new List<double>()).ToList();
        var clock = new PairedRounds();
        try
        {
            for (int i = 0; i < rows.Count; i++)
            {
                // Per model: its row, then its golden forward; the second model's pair in the same round (which model
                // leads rotates every two rounds, which goes first within a pair alternates).
                var row = sides.Select(s => s.Subject(i)).ToList();
                var subjects = sides.SelectMany((s, k) => new[] { row[k], s.Golden }).ToList();
                var times = clock.Measure(subjects, iterations, warmup, groups: sides.Count);
                for (int k = 0; k < sides.Count; k++)
                {
                    int r = 2 * k, g = 2 * k + 1;
                    goldens[k].AddRange(times.Ms[g]);
                    var fault = row[k] as FaultRowSubject;
                    measured[k].Add(new BenchRow(rows[i].Name, rows[i].Group, times.Median(r), times.Ratio(r, g),
                        fault?.FaultsPerForward ?? 0)
                    {
                        QuantizedGoldenMs = fault?.QuantizedGoldenMs,
                        PairedGoldenMs = times.Median(g),
                        RoundRatios = times.Ratios(r, g),
                    });
                }
                progress?.Invoke(i + 1, rows.Count);
            }
        }
        finally
        {
            foreach (var side in sides) side.Dispose();
        }
        return [.. measured.Select((m, k) => (InjectionBenchmark.Median(goldens[k]), (IReadOnlyList<BenchRow>)m))];
    }
}
