using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Tool.Commands;
using Spectre.Console.Testing;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>The table `run` prints after a campaign, in a terminal narrower than the table.</summary>
[TestClass]
public sealed class SummaryTableTests
{
    [TestMethod]
    public void Sweep_values_stay_whole_in_a_narrow_terminal()
    {
        var sweep = new SweepValues([KeyValuePair.Create("format", (object)"fixpoint-3.13"), KeyValuePair.Create("bit", (object)16.0)]);
        var trials = Enumerable.Range(0, 3)
            .Select(r => new TrialRecord(r, 0, r, 7, sweep, 0.344, 0.894, 0.894, 344, 1000, 300, 110, 0.1, DateTime.UnixEpoch)).ToList();
        var summary = new CampaignSummary("mrfi.toml", "", 7, "LeNet", null, [], ["format", "bit"], 3, 1000, 0.894, "cpu", 2,
            DateTime.UnixEpoch, DateTime.UnixEpoch);
        var console = new TestConsole().Width(60);
        SummaryTable.Write(console, trials, ["format", "bit"], summary);
        var row = console.Lines.First(l => l.TrimStart().StartsWith('0'));
        StringAssert.Contains(row, "fixpoint-3.13", $"the format value is cut:\n{console.Output}");
        Assert.IsLessThanOrEqualTo(60, console.Lines.Max(l => l.TrimEnd().Length), "the table fits the terminal");
    }
}
