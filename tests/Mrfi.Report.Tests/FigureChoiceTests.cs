namespace Mrfi.Report.Tests;

[TestClass]
public sealed class FigureChoiceTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("report-choice");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private (IReadOnlyList<FigureSpec> Figures, IReadOnlyList<SkippedFigure> Skipped) Choose(FakeResults fake)
    {
        var (_, _, _, _, figures, skipped) = ReportBuilder.Prepare(fake.Write(_folder));
        return (figures, skipped);
    }

    [TestMethod]
    public void A_ber_sweep_gets_accuracy_and_outcome_curves_on_a_log_axis_and_names_every_figure_it_skips()
    {
        var fake = new FakeResults().Sweep("ber", 1e-6, 1e-5, 1e-4, 1e-3);
        fake.Observers.Add(("RMSE", "rmse", ["conv1", "fc1"]));
        var (figures, skipped) = Choose(fake);
        CollectionAssert.AreEqual(new[] { FigureKind.AccuracyCurve, FigureKind.OutcomeCurve, FigureKind.ObserverBars },
            figures.Select(f => f.Kind).ToList());
        Assert.IsTrue(figures[0].X!.LogScale);
        Assert.AreEqual("ber", figures[2].X!.Name, "observer bars are grouped by the swept rate");
        CollectionAssert.AreEquivalent(
            new[] { FigureKind.BitBars, FigureKind.LayerBars, FigureKind.ChannelBoxes, FigureKind.PixelHeatmap, FigureKind.FeatureMaps,
                FigureKind.RmseCurve }, skipped.Select(s => s.Kind).ToList());
        StringAssert.Contains(skipped.Single(s => s.Kind == FigureKind.RmseCurve).Reason, "accuracy curve");
        Assert.IsTrue(skipped.Where(s => s.Kind is not FigureKind.FeatureMaps and not FigureKind.RmseCurve)
            .All(s => s.Reason.Contains("varies: ber", StringComparison.Ordinal)), string.Join("\n", skipped));
        StringAssert.Contains(skipped.Single(s => s.Kind == FigureKind.FeatureMaps).Reason, "SaveLast");
    }

    [TestMethod]
    public void A_ber_sweep_over_several_formats_draws_one_curve_per_format()
    {
        var (figures, _) = Choose(new FakeResults().Sweep("format", "float16", "fixed3.13", "int8").Sweep("ber", 1e-5, 1e-3));
        var curve = figures.Single(f => f.Kind == FigureKind.AccuracyCurve);
        Assert.AreEqual("ber", curve.X!.Name);
        Assert.AreEqual("format", curve.Series.Single().Name);
        Assert.AreEqual(VariableKind.Label, curve.Series[0].Kind);
    }

    [TestMethod]
    public void A_bit_sweep_gets_bit_bars_grouped_by_format_and_no_curve()
    {
        var (figures, skipped) = Choose(new FakeResults().Sweep("format", "float16", "fixed3.13").Sweep("bit", 0, 1, 2, 3, 15));
        var bars = figures.Single(f => f.Kind == FigureKind.BitBars);
        Assert.AreEqual("bit", bars.X!.Name);
        Assert.AreEqual("format", bars.Series.Single().Name);
        Assert.IsTrue(skipped.Any(s => s.Kind == FigureKind.AccuracyCurve));
        Assert.IsTrue(skipped.Any(s => s.Kind == FigureKind.ObserverBars
            && s.Reason.Contains("no observer rows", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_channel_sweep_boxes_the_rmse_of_the_last_observed_layer()
    {
        var fake = new FakeResults().Sweep("channel", 0, 1, 2, 3, 4, 5);
        fake.Observers.Add(("MAE", "mae", ["conv1", "fc3"]));
        fake.Observers.Add(("RMSE", "rmse", ["conv1", "conv2", "fc3"]));
        var (figures, _) = Choose(fake);
        var boxes = figures.Single(f => f.Kind == FigureKind.ChannelBoxes);
        Assert.AreEqual(("RMSE", "rmse", "fc3"), (boxes.Observer, boxes.Metric, boxes.Layer));
    }

    [TestMethod]
    public void A_channel_sweep_without_observers_boxes_the_accuracy()
    {
        var boxes = Choose(new FakeResults().Sweep("channel", 0, 1, 2)).Figures.Single(f => f.Kind == FigureKind.ChannelBoxes);
        Assert.IsNull(boxes.Observer);
        StringAssert.Contains(boxes.Title, "Accuracy");
    }

    [TestMethod]
    public void Swept_x_and_y_get_a_pixel_heat_map()
    {
        var map = Choose(new FakeResults { Repeats = 1 }.Sweep("x", 0, 1, 2).Sweep("y", 0, 1))
            .Figures.Single(f => f.Kind == FigureKind.PixelHeatmap);
        Assert.AreEqual(("x", "y"), (map.X!.Name, map.Y!.Name));
    }

    [TestMethod]
    public void A_square_flat_pixel_index_gets_a_heat_map_and_a_non_square_one_is_skipped()
    {
        Assert.IsTrue(Choose(new FakeResults { Repeats = 1 }.Sweep("pixel", Enumerable.Range(0, 16).Select(i => (object)i).ToArray()))
            .Figures
            .Any(f => f.Kind == FigureKind.PixelHeatmap));
        Directory.Delete(_folder, recursive: true);
        Assert.IsTrue(Choose(new FakeResults { Repeats = 1 }.Sweep("pixel", Enumerable.Range(0, 12).Select(i => (object)i).ToArray()))
            .Skipped
            .Any(s => s.Kind == FigureKind.PixelHeatmap));
    }

    [TestMethod]
    public void A_layer_sweep_gets_layer_bars()
    {
        var (figures, _) = Choose(new FakeResults().Sweep("layer", 0, 1, 2, 3, 4));
        Assert.AreEqual("layer", figures.Single(f => f.Kind == FigureKind.LayerBars).X!.Name);
    }

    [TestMethod]
    public void A_metric_observed_at_one_layer_across_many_faulty_layers_is_drawn_per_layer_name()
    {
        object[] names = [.. Enumerable.Range(0, 12).Select(i => (object)$"layer{i / 2}.{i % 2}.conv1")];
        var many = new FakeResults().Sweep("layer", names);
        many.Observers.Add(("RMSE", "rmse", ["fc"]));
        var across = Choose(many).Figures.Single(f => f.Kind == FigureKind.ObserverBars);
        Assert.IsTrue(across.Across);
        Assert.AreEqual("RMSE at fc by layer", across.Title);
        Assert.AreEqual(VariableKind.Layer, across.X!.Kind);
        // With colours to spare (five layers) the bars stay per observed layer, one colour per faulty layer.
        var few = new FakeResults().Sweep("layer", "conv1", "conv2", "fc1", "fc2", "fc3");
        few.Observers.Add(("RMSE", "rmse", ["fc3"]));
        var coloured = Choose(few).Figures.Single(f => f.Kind == FigureKind.ObserverBars);
        Assert.IsFalse(coloured.Across);
        Assert.AreEqual("layer", coloured.X!.Name);
    }

    [TestMethod]
    public void A_scale_factor_sweep_without_a_rate_is_the_x_axis_of_a_linear_curve()
    {
        var curve = Choose(new FakeResults().Sweep("scale", 0.5, 1.0, 1.5, 2.0)).Figures.Single(f => f.Kind == FigureKind.AccuracyCurve);
        Assert.AreEqual("scale", curve.X!.Name);
        Assert.IsFalse(curve.X.LogScale);
    }

    [TestMethod]
    public void Too_many_series_are_averaged_over_and_the_figure_says_so()
    {
        var (figures, _) = Choose(new FakeResults { Repeats = 1 }.Sweep("ber", 1e-4, 1e-2)
            .Sweep("seed_offset", Enumerable.Range(0, 12).Select(i => (object)(double)i).ToArray()));
        var curve = figures.Single(f => f.Kind == FigureKind.AccuracyCurve);
        Assert.IsEmpty(curve.Series);
        Assert.IsTrue(curve.Notes.Any(n => n.Contains("averaged over seed_offset", StringComparison.Ordinal)),
            string.Join("; ", curve.Notes));
    }

    [TestMethod]
    public void Vector_observers_are_named_as_not_drawn()
    {
        var fake = new FakeResults().Sweep("ber", 1e-4, 1e-2);
        fake.VectorObservers.Add(("Histogram", "count"));
        var (_, skipped) = Choose(fake);
        Assert.IsTrue(skipped.Any(s => s.Kind == FigureKind.ObserverBars
            && s.Reason.StartsWith("Histogram (count) is a vector", StringComparison.Ordinal)), string.Join("\n", skipped));
    }

    [TestMethod]
    public void A_module_that_never_ran_is_left_out_of_the_observer_bars_and_named()
    {
        // 'spare' never ran: its null values are not drawn as numbers (nor as NaN), and the summary names it.
        var fake = new FakeResults().Sweep("ber", 1e-4, 1e-2);
        fake.Observers.Add(("MinMax", "min", ["conv1", "spare"]));
        fake.NeverRan.Add("spare");
        var (results, _, _, observers, figures, skipped) = ReportBuilder.Prepare(fake.Write(_folder));
        CollectionAssert.AreEqual(new[] { ("conv1", "after") }, observers.Layers[("MinMax", "min")].ToArray());
        Assert.IsTrue(figures.Any(f => f.Kind == FigureKind.ObserverBars && f.Metric == "min"));
        var named = skipped.Single(s => s.Kind == FigureKind.ObserverBars
            && s.Reason.StartsWith("MinMax at spare", StringComparison.Ordinal));
        StringAssert.Contains(named.Reason, $"never ran in {results.Trials.Rows} trial(s), whose values are null");
    }

    [TestMethod]
    public void Observer_bars_without_a_swept_rate_get_one_colour_per_quantization()
    {
        var fake = new FakeResults().Sweep("quantization", "global", "layer-wise");
        fake.Observers.Add(("RMSE", "rmse", ["conv1", "fc1"]));
        var bars = Choose(fake).Figures.Single(f => f.Kind == FigureKind.ObserverBars);
        Assert.AreEqual("quantization", bars.X!.Name);
    }

    [TestMethod]
    public void A_layer_sweep_by_name_is_still_a_layer_sweep()
    {
        var (figures, _) = Choose(new FakeResults().Sweep("layer", "conv1", "conv2", "fc1"));
        Assert.AreEqual(VariableKind.Layer, figures.Single(f => f.Kind == FigureKind.LayerBars).X!.Kind);
    }

    [TestMethod]
    public void Every_figure_type_is_either_drawn_or_named_with_a_reason_whatever_was_swept()
    {
        var sweeps = new Func<FakeResults>[]
        {
            () => new FakeResults().Sweep("ber", 1e-5, 1e-3),
            () => new FakeResults().Sweep("bit", 0, 7).Sweep("channel", 0, 1),
            () => new FakeResults { Repeats = 1 }.Sweep("x", 0, 1).Sweep("y", 0, 1).Sweep("layer", 0, 1),
            () => new FakeResults().Sweep("only", 1.0),
            () => new FakeResults { Output = "tensor" }.Sweep("ber", 1e-5, 1e-3),
            () => new FakeResults { Output = "tensor" }.Sweep("bit", 0, 7).Sweep("channel", 0, 1),
        };
        foreach (var sweep in sweeps)
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
            var (figures, skipped) = Choose(sweep());
            Assert.IsTrue(skipped.All(s => s.Reason.Length > 0));
            CollectionAssert.AreEquivalent(Enum.GetValues<FigureKind>(),
                figures.Select(f => f.Kind).Concat(skipped.Select(s => s.Kind)).Distinct().ToList());
        }
    }
}
