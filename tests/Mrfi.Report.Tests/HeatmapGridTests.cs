using Mrfi.Report.Figures;

namespace Mrfi.Report.Tests;

[TestClass]
public sealed class HeatmapGridTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("report-grid");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private double[,] Grid(FakeResults fake)
    {
        var (results, points, _, _, figures, _) = ReportBuilder.Prepare(fake.Write(_folder));
        return HeatmapFigure.Grid(figures.Single(f => f.Kind == FigureKind.PixelHeatmap), results, points);
    }

    [TestMethod]
    public void X_is_the_column_and_y_the_row_and_each_cell_is_the_mean_accuracy_of_that_pixel()
    {
        var grid = Grid(new FakeResults { Repeats = 2, Accuracy = (v, r) => (10 * (double)v["y"] + (double)v["x"] + r) / 100 }
            .Sweep("x", 0, 1, 2).Sweep("y", 0, 1));
        Assert.AreEqual(2, grid.GetLength(0), "rows = y values");
        Assert.AreEqual(3, grid.GetLength(1), "columns = x values");
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 3; x++) Assert.AreEqual(10 * y + x + 0.5, grid[y, x], 1e-9, $"x {x}, y {y}");
    }

    [TestMethod]
    public void A_flat_pixel_index_wraps_row_by_row_and_unvisited_pixels_are_empty()
    {
        var grid = Grid(new FakeResults { Repeats = 1, Accuracy = (v, _) => (double)v["pixel"] / 100 }.Sweep("pixel", 0, 1, 2, 3, 5, 6, 7,
            8));
        Assert.AreEqual(3, grid.GetLength(0));
        Assert.AreEqual(7, grid[2, 1], 1e-9, "index 7 of a 3×3 image is row 2, column 1");
        Assert.IsTrue(double.IsNaN(grid[1, 1]), "index 4 was not swept");
    }
}
