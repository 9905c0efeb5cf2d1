using Mrfi.Report.Figures;

namespace Mrfi.Report.Tests;

/// <summary>The report takes each sweep variable's kind from manifest.json's sweep_kinds (what the config bound it to), and
/// guesses from the name only for folders written before manifests recorded kinds and for variables they do not name.</summary>
[TestClass]
public sealed class SweepKindTests
{
    private string _folder = "";

    [TestInitialize]
    public void Create() => _folder = Repo.TempFolder("report-kinds");

    [TestCleanup]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private (IReadOnlyList<Variable> Variables, IReadOnlyList<FigureSpec> Figures) Prepare(FakeResults fake)
    {
        var (_, _, variables, _, figures, _) = ReportBuilder.Prepare(fake.Write(_folder));
        return (variables, figures);
    }

    [TestMethod]
    public void A_recorded_ber_kind_makes_any_name_the_bit_error_rate_axis()
    {
        var (variables, figures) = Prepare(new FakeResults { Kinds = new() { ["flips"] = "ber" } }.Sweep("flips", 1e-6, 1e-4, 1e-2));
        var flips = variables.Single();
        Assert.AreEqual(VariableKind.Rate, flips.Kind);
        Assert.IsTrue(flips.PerBit);
        Assert.AreEqual("flips", figures.First(f => f.Kind == FigureKind.AccuracyCurve).X!.Name);
        StringAssert.StartsWith(PlotStyle.AxisLabel(flips), "bit error rate, flips (flips per bit, log scale)");
    }

    [TestMethod]
    public void A_variable_named_ber_that_the_config_bound_to_a_plain_value_is_not_taken_for_a_rate()
    {
        // ber = "$ber" nowhere: the config used it as a scale factor, and the per-value rate is q.
        var fake = new FakeResults { Kinds = new() { ["ber"] = "value", ["q"] = "rate" } }.Sweep("ber", 1, 2).Sweep("q", 1e-4, 1e-3);
        var (variables, figures) = Prepare(fake);
        Assert.AreEqual(VariableKind.Numeric, variables.Single(v => v.Name == "ber").Kind);
        var q = variables.Single(v => v.Name == "q");
        Assert.AreEqual((VariableKind.Rate, false), (q.Kind, q.PerBit));
        var curve = figures.First(f => f.Kind == FigureKind.AccuracyCurve);
        Assert.AreEqual("q", curve.X!.Name);
        CollectionAssert.AreEqual(new[] { "ber" }, curve.Series.Select(s => s.Name).ToList());
    }

    [TestMethod]
    public void Recorded_pixel_row_and_column_kinds_give_a_heat_map_whatever_the_names()
    {
        var fake = new FakeResults { Repeats = 1, Kinds = new() { ["w_hit"] = "pixel_x", ["h_hit"] = "pixel_y" } }.Sweep("w_hit", 0, 1, 2)
            .Sweep("h_hit", 0, 1);
        var map = Prepare(fake).Figures.Single(f => f.Kind == FigureKind.PixelHeatmap);
        Assert.AreEqual(("w_hit", "h_hit"), (map.X!.Name, map.Y!.Name));
    }

    [TestMethod]
    public void Without_recorded_kinds_an_older_folder_is_classified_by_name_as_before()
    {
        var (variables, figures) = Prepare(new FakeResults().Sweep("ber", 1e-6, 1e-4).Sweep("bit", 0, 1, 7));
        var ber = variables.Single(v => v.Name == "ber");
        Assert.AreEqual((VariableKind.Rate, true), (ber.Kind, ber.PerBit));
        Assert.AreEqual(VariableKind.Bit, variables.Single(v => v.Name == "bit").Kind);
        Assert.IsTrue(figures.Any(f => f.Kind == FigureKind.BitBars));
    }

    [TestMethod]
    public void A_variable_the_manifest_does_not_name_or_an_unknown_kind_falls_back_to_its_name()
    {
        // A script's tags have no recorded kind; a kind from a newer version is unknown here.
        var fake = new FakeResults { Kinds = new() { ["layer"] = "a-kind-of-the-future" } }.Sweep("layer", 0, 1, 2)
            .Sweep("ber", 1e-5, 1e-3);
        var (variables, _) = Prepare(fake);
        Assert.AreEqual(VariableKind.Layer, variables.Single(v => v.Name == "layer").Kind);
        Assert.AreEqual(VariableKind.Rate, variables.Single(v => v.Name == "ber").Kind);
    }

    [TestMethod]
    public void A_kind_that_needs_numbers_becomes_a_label_when_the_values_are_text()
    {
        var fake = new FakeResults { Kinds = new() { ["format"] = "rate" } }.Sweep("format", "int8", "float16");
        Assert.AreEqual(VariableKind.Label, Prepare(fake).Variables.Single().Kind);
    }
}
