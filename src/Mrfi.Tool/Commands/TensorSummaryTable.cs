using System.Globalization;
using Mrfi.Core.Campaigns;
using Spectre.Console;

namespace Mrfi.Tool.Commands;

/// <summary>Prints per sweep point the outcome rates and RMSE of a model whose outputs are compared as a tensor
/// ([model] output = "tensor"): it has no accuracy to show.</summary>
internal static class TensorSummaryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TrialRecord> trials, IReadOnlyList<string> sweepNames,
        CampaignSummary summary)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("point");
        foreach (var n in sweepNames) table.AddColumn(n);
        foreach (var c in new[] { "sdc", "tolerable", "due", "masked", "rmse (mean)", "faults/trial" }) table.AddColumn(c);
        foreach (var g in trials.GroupBy(t => t.Point))
        {
            double samples = g.Sum(t => (double)t.Total);
            string Rate(Func<TrialRecord, long> count) => (g.Sum(count) / samples).ToString("P2", CultureInfo.InvariantCulture);
            var cells = new List<string> { g.Key.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(sweepNames.Select(n => g.First().Sweep.Show(n)));
            cells.AddRange([Rate(t => t.Sdc), Rate(t => t.Tolerable), Rate(t => t.Due), Rate(t => t.Masked)]);
            cells.Add(g.Average(t => t.Rmse).ToString("G4", CultureInfo.InvariantCulture));
            cells.Add(g.Average(t => t.Faults).ToString("F1", CultureInfo.InvariantCulture));
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }
        console.WriteLine($"outputs compared with the golden outputs as a tensor (SDC = relative deviation above [model] tolerance; no " +
            $"accuracy) on {summary.Samples} samples");
        console.Write(table);
    }
}
