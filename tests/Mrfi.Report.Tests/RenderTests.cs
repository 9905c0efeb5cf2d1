namespace Mrfi.Report.Tests;

/// <summary>Draws every figure type from fake results. Set MRFI_REPORT_PREVIEW=DIR to keep the output there and look at it.</summary>
[TestClass]
public sealed class RenderTests
{
    private static readonly string? Preview = Environment.GetEnvironmentVariable("MRFI_REPORT_PREVIEW");
    private string _folder = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Create() => _folder = Preview is null ? Repo.TempFolder("report-render") : Path.Combine(Preview, TestContext.TestName!);

    [TestCleanup]
    public void Remove()
    {
        if (Preview is null) Directory.Delete(_folder, recursive: true);
    }

    private ReportOutput Render(FakeResults fake, params string[] expected)
    {
        var output = ReportBuilder.Build(fake.Write(Path.Combine(_folder, "results")), Path.Combine(_folder, "report"));
        CollectionAssert.AreEquivalent(expected, output.Figures.Select(Path.GetFileName).ToList());
        foreach (var png in output.Figures) Assert.AreEqual((1000, 600), Png.Size(png), png);
        Assert.IsTrue(File.Exists(output.Html));
        return output;
    }

    [TestMethod]
    public void A_ber_sweep_over_formats_renders_curves_and_observer_bars_at_1000_by_600()
    {
        var fake = new FakeResults
        {
            Accuracy = (v, r) => 0.9 - (string)v["format"] switch { "float16" => 3e1, "int8" => 1e1, _ => 5 } * (double)v["ber"] - 0.005
                * r,
        }.Sweep("format", "float16", "fixed3.13", "int8").Sweep("ber", 1e-5, 1e-4, 1e-3, 1e-2);
        fake.Observers.Add(("RMSE", "rmse", ["conv1", "conv2", "fc1", "fc2", "fc3"]));
        Render(fake, "accuracy-vs-ber.png", "outcomes-vs-ber.png", "observer-rmse.png");
    }

    [TestMethod]
    public void Observer_bars_render_when_a_module_never_ran_in_some_or_all_trials()
    {
        var fake = new FakeResults { NeverRanIn = t => t % 2 == 1 }.Sweep("ber", 1e-4, 1e-3, 1e-2);
        fake.Observers.Add(("MaxAbs", "max_abs", ["conv1", "fc1", "spare"]));
        fake.NeverRan.Add("spare");
        fake.NeverRan.Add("fc1");
        var output = Render(fake, "accuracy-vs-ber.png", "outcomes-vs-ber.png", "observer-maxabs-max-abs.png");
        StringAssert.Contains(File.ReadAllText(output.Html!), "MaxAbs at spare: the module never ran in");
    }

    [TestMethod]
    public void A_bit_sweep_renders_grouped_bit_bars()
    {
        var fake = new FakeResults { Accuracy = (v, r) => 0.9 - 0.05 * (double)v["bit"] - ((string)v["format"] == "float16" ? 0.1 : 0)
            + 0.01 * r }
            .Sweep("format", "float16", "fixed3.13").Sweep("bit", 0, 1, 2, 3, 4, 5, 6, 7);
        Render(fake, "accuracy-by-bit.png");
    }

    [TestMethod]
    public void A_layer_sweep_renders_layer_bars()
    {
        Render(new FakeResults { Accuracy = (v, r) => 0.85 - 0.04 * (double)v["layer"] + 0.01 * r }.Sweep("layer", 0, 1, 2, 3, 4),
            "accuracy-by-layer.png");
    }

    [TestMethod]
    public void Many_long_layer_names_render_turned_ticks_and_observer_bars_across_them()
    {
        object[] names = [.. Enumerable.Range(0, 20).Select(i => (object)$"layer{i / 5}.{i % 5}.downsample.0")];
        var fake = new FakeResults { Accuracy = (v, r) => 0.8 + 0.001 * r }.Sweep("layer", names);
        fake.Observers.Add(("RMSE", "rmse", ["fc"]));
        Render(fake, "accuracy-by-layer.png", "observer-rmse.png");
    }

    [TestMethod]
    public void A_channel_sweep_renders_boxes_of_the_output_rmse()
    {
        var fake = new FakeResults { Repeats = 5 }.Sweep("channel", 0, 1, 2, 3, 4, 5);
        fake.Observers.Add(("RMSE", "rmse", ["conv1", "fc3"]));
        Render(fake, "boxes-by-channel.png", "observer-rmse.png");
    }

    [TestMethod]
    public void An_x_y_sweep_renders_a_pixel_heat_map()
    {
        var fake = new FakeResults { Repeats = 1, Accuracy = (v, _) => 0.9 - 0.02 * Math.Abs((double)v["x"] - 4) - 0.01 * (double)v["y"] }
            .Sweep("x", Enumerable.Range(0, 10).Select(i => (object)(double)i).ToArray())
            .Sweep("y", Enumerable.Range(0, 6).Select(i => (object)(double)i).ToArray());
        Render(fake, "accuracy-by-pixel.png");
    }
}
