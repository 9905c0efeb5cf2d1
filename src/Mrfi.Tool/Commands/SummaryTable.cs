using System.Globalization;
using Mrfi.Core.Campaigns;
using Spectre.Console;

namespace Mrfi.Tool.Commands;

/// <summary>Prints accuracy per sweep point (mean and spread over repeats) after a run.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TrialRecord> trials, IReadOnlyList<string> sweepNames,
        CampaignSummary summary)
    {
        if (trials.Count > 0 && !trials[0].Classifies)
        {
            TensorSummaryTable.Write(console, trials, sweepNames, summary);
            return;
        }
        var table = new Table().Border(TableBorder.Simple);
        // The point and its sweep values identify a row, so they never wrap or crop ("fixpoint-3.13" split over two lines
        // reads as two values); in a narrow terminal the number columns wrap instead.
        table.AddColumn(new TableColumn("point").NoWrap());
        foreach (var n in sweepNames) table.AddColumn(new TableColumn(n).NoWrap());
        table.AddColumn("golden acc");
        table.AddColumn("acc (mean ± sd)");
        table.AddColumn("changed");
        table.AddColumn("faults/trial");
        foreach (var g in trials.GroupBy(t => t.Point))
        {
            var acc = g.Select(t => t.Accuracy).ToList();
            double mean = acc.Average();
            double sd = acc.Count > 1 ? Math.Sqrt(acc.Sum(a => (a - mean) * (a - mean)) / (acc.Count - 1)) : 0;
            var first = g.First();
            var cells = new List<string> { g.Key.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(sweepNames.Select(n => first.Sweep.Show(n)));
            cells.Add(first.GoldenAccuracy.ToString("P2", CultureInfo.InvariantCulture));
            cells.Add($"{mean.ToString("P2", CultureInfo.InvariantCulture)} ± {sd.ToString("P2", CultureInfo.InvariantCulture)}");
            cells.Add(g.Average(t => t.Changed).ToString("F1", CultureInfo.InvariantCulture));
            cells.Add(g.Average(t => t.Faults).ToString("F1", CultureInfo.InvariantCulture));
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }
        console.WriteLine($"float accuracy {summary.FloatAccuracy.ToString("P2", CultureInfo.InvariantCulture)} on {summary.Samples} " +
            $"samples");
        console.Write(table);
    }
}
