using Mrfi.Core.Injection;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Planning;

/// <summary>What one fault entry does at one module in one sweep point: the tensor it hits, its fault population and the
/// faults expected per trial (null when the selector cannot say).</summary>
/// <param name="Point">Sweep point.</param>
/// <param name="Entry">Entry name.</param>
/// <param name="Module">Module name.</param>
/// <param name="Tensor">"input", "output" or the parameter name.</param>
/// <param name="Shape">Shape of the tensor in one forward of a full batch.</param>
/// <param name="Bits">Bits per value.</param>
/// <param name="ExpectedPerTrial">Expected faults per trial.</param>
public sealed record PlanRow(int Point, string Entry, string Module, string Tensor, long[] Shape, int Bits, double? ExpectedPerTrial)
{
    /// <summary>Values in the tensor.</summary>
    public long Values => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Fault population: values × bits.</summary>
    public long Population => Values * Bits;

    /// <summary>Builds the rows of a plan from probed shapes; <paramref name="batchSizes"/> are the sizes of a trial's forwards.</summary>
    public static IReadOnlyList<PlanRow> For(CampaignPlan plan, IReadOnlyList<LayerShapes> shapes, IReadOnlyList<long> batchSizes)
    {
        var rows = new List<PlanRow>();
        foreach (var point in plan.Points)
        {
            foreach (var entry in point.Entries.Where(e => e.Enabled))
            {
                int bits = Planning.EntryChecks.BitsPerValue(entry.Quantizer, entry.ErrorModel);
                foreach (var module in entry.Modules)
                {
                    var layer = shapes.First(s => s.Name == module);
                    var tensors = entry.Target switch
                    {
                        InjectionTarget.Weight => layer.Parameters.Where(p => entry.Parameters.Contains(p.Name))
                            .Select(p => (p.Name, (long[]?)p.Shape, false)).ToList(),
                        InjectionTarget.Activation => [("input", layer.Input, true)],
                        _ => [("output", layer.Output, true)],
                    };
                    foreach (var (name, shape, perBatch) in tensors)
                    {
                        if (shape is null) continue;
                        double? expected = Expected(entry, shape, perBatch, batchSizes);
                        rows.Add(new PlanRow(point.Index, entry.Name, module, name, shape, bits, expected));
                    }
                }
            }
        }
        return rows;
    }

    private static double? Expected(FaultEntry entry, long[] shape, bool perBatch, IReadOnlyList<long> batchSizes)
    {
        double PerForward(long[] s) => entry.Selector switch
        {
            null => s.Aggregate(1L, (a, b) => a * b),
            IExpectedFaults e => e.ExpectedFaults(s),
            _ => double.NaN,
        };
        // Permanent faults are drawn once, but they are injected in every forward all the same.
        double total = perBatch ? batchSizes.Sum(b => PerForward([b, .. shape[1..]])) : batchSizes.Count * PerForward(shape);
        return double.IsNaN(total) ? null : total;
    }
}
