using Mrfi.Report.Figures;

namespace Mrfi.Report.Tests;

[TestClass]
public sealed class FeatureMapTests
{
    [TestMethod]
    public void Saved_values_become_the_first_samples_channel_maps_and_absolute_errors()
    {
        // Shape [2, 2, 2, 3]: the first sample is the first 2 · 2 · 3 = 12 values, channel by channel, row by row.
        double[] golden = [.. Enumerable.Range(0, 12).Select(i => (double)i)];
        double[] faulty = [.. golden];
        faulty[7] = 17;    // channel 1, row 0, column 1
        faulty[2] = -3;    // channel 0, row 0, column 2
        var maps = FeatureMapFigure.Maps(new FeatureMapFigure.Saved(0, [2, 2, 2, 3], golden, faulty));
        Assert.IsNotNull(maps);
        var (g, e) = maps.Value;
        Assert.HasCount(2, g);
        Assert.AreEqual(5.0, g[0][1, 2]);
        Assert.AreEqual(6.0, g[1][0, 0]);
        Assert.AreEqual(10.0, e[1][0, 1]);
        Assert.AreEqual(5.0, e[0][0, 2]);
        Assert.AreEqual(0.0, e[0][1, 1]);
    }

    [TestMethod]
    public void Maps_need_one_whole_sample_of_a_channel_height_width_tensor()
    {
        Assert.IsNull(FeatureMapFigure.Maps(new FeatureMapFigure.Saved(0, [2, 2, 2, 3], new double[11], new double[11])),
            "11 of 12 values");
        Assert.IsNull(FeatureMapFigure.Maps(new FeatureMapFigure.Saved(0, [4, 10], new double[40], new double[40])),
            "a Linear output has no channels");
    }

    [TestMethod]
    public void Tiles_put_channels_side_by_side_with_an_empty_column_between_them()
    {
        var a = new double[,] { { 1, 2 }, { 3, 4 } };
        var b = new double[,] { { 5, 6 }, { 7, 8 } };
        var tiled = FeatureMapFigure.Tile([a, b]);
        Assert.AreEqual(2, tiled.GetLength(0));
        Assert.AreEqual(5, tiled.GetLength(1));
        Assert.AreEqual(2.0, tiled[0, 1]);
        Assert.IsTrue(double.IsNaN(tiled[1, 2]));
        Assert.AreEqual(7.0, tiled[1, 3]);
    }
}
