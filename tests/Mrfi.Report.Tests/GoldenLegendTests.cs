using Mrfi.Report.Figures;

namespace Mrfi.Report.Tests;

[TestClass]
public sealed class GoldenLegendTests
{
    [TestMethod]
    public void Series_with_one_golden_accuracy_share_one_black_line()
    {
        var lines = CurveFigure.GoldenLegend([0.894, 0.894, 0.894], ["format = float32", "format = float16", "format = int8"]);
        Assert.AreEqual((0.894, -1, "golden, no faults (89.40 %)"), lines.Single());
    }

    [TestMethod]
    public void Only_the_series_whose_golden_run_differs_get_their_own_legend_line()
    {
        // int8 weights change the golden run (89.6 %); the six other formats keep the float model's 89.4 %.
        double[] golden = [0.894, 0.894, 0.894, 0.894, 0.894, 0.896, 0.894];
        string[] labels = ["format = float32", "format = float16", "format = bfloat16", "format = fxp2.12", "format = fxp3.13",
            "format = int8", "format = int16"];
        var lines = CurveFigure.GoldenLegend(golden, labels);
        Assert.HasCount(2, lines);
        Assert.AreEqual((0.894, -1, "golden, no faults (89.40 %), all curves but format = int8"), lines[0],
            "the black line names the curve it does not hold for");
        Assert.AreEqual((0.896, 5, "golden (89.60 %), format = int8"), lines[1], "in the int8 curve's colour");
        var split = CurveFigure.GoldenLegend([0.5, 0.5, 0.6, 0.7], ["a", "b", "c", "d"]);
        CollectionAssert.AreEqual(new[] { "golden, no faults (50.00 %), all curves but c, d", "golden (60.00 %), c",
            "golden (70.00 %), d" }, split.Select(l => l.Text).ToArray());
    }
}
