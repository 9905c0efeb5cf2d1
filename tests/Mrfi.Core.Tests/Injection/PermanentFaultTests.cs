using Mrfi.Core.Data;
using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Models;
using Mrfi.Core.Observers;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;
using TorchSharp;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Tests.Injection;

[TestClass]
public sealed class PermanentFaultTests
{
    private static LeNet _model = null!;
    private static ImageDataset _data = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _model = LeNetFixture.Model();
        _data = LeNetFixture.Images(6);
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        _model.Dispose();
        _data.Dispose();
    }

    private static float[] Forward()
    {
        using var noGrad = torch.no_grad();
        using var output = _model.call(_data.Images);
        return TensorAssert.Floats(output);
    }

    private static FaultEntry Weights(SelectorScope scope) => new("w", InjectionTarget.Weight, ["fc1"], ["weight"], true,
        new SymmetricQuantizer(8, DynamicRange.Auto), true, new RandomPositionByRateSelector(rate: 0.01), new IntRandomBitFlipErrorModel(8),
        scope);

    [TestMethod]
    public void Trial_scope_repeats_the_same_faults_in_every_forward_and_redraws_per_trial()
    {
        using var session = new FaultInjectionSession(_model, [Weights(SelectorScope.Trial)], []);
        session.BeginTrial(1);
        var first = Forward();
        var second = Forward();
        CollectionAssert.AreEqual(first, second, "same positions and bits in every forward of a trial");
        session.BeginTrial(2);
        var nextTrial = Forward();
        CollectionAssert.AreNotEqual(first, nextTrial, "a new trial draws a new faulty chip");
    }

    [TestMethod]
    public void Forward_scope_draws_new_faults_every_forward()
    {
        using var session = new FaultInjectionSession(_model, [Weights(SelectorScope.Forward)], []);
        session.BeginTrial(1);
        CollectionAssert.AreNotEqual(Forward(), Forward());
    }

    [TestMethod]
    public void Campaign_scope_is_the_same_in_every_trial_and_follows_the_campaign_seed()
    {
        float[] Run(long campaignSeed, ulong trialSeed)
        {
            using var session = new FaultInjectionSession(_model, [Weights(SelectorScope.Campaign)], [],
                new SessionOptions { CampaignSeed = campaignSeed });
            session.BeginTrial((long)trialSeed);
            return Forward();
        }
        CollectionAssert.AreEqual(Run(7, 1), Run(7, 2));
        CollectionAssert.AreNotEqual(Run(7, 1), Run(8, 1));
    }

    [TestMethod]
    public void Permanent_activation_faults_hit_the_same_neuron_in_every_sample()
    {
        var entry = new FaultEntry("a", InjectionTarget.ActivationOut, ["fc3"], [], true, null, true, new RandomPositionByNumberSelector(1),
            new SetZeroErrorModel(), SelectorScope.Trial);
        using var session = new FaultInjectionSession(_model, [entry], []);
        session.BeginTrial(5);
        var output = Forward();
        var zeroColumns = Enumerable.Range(0, 10).Where(c => Enumerable.Range(0, 6).All(r => output[r * 10 + c] == 0)).ToList();
        Assert.HasCount(1, zeroColumns, "one logit zeroed in all six images");
        Assert.AreEqual(6, session.FaultCount);
    }

    /// <summary>(sample, channel, row, column) of every value of conv1's [6, 6, 28, 28] output set to 1000 by <paramref name="selector"/>
    /// drawn once per trial.</summary>
    private static List<(int Sample, int Channel, int Row, int Column)> PermanentHits(ISelector selector)
    {
        var entry = new FaultEntry("a", InjectionTarget.ActivationOut, ["conv1"], [], true, null, true, selector,
            new SetValueErrorModel([1000]), SelectorScope.Trial);
        var saved = new SaveLastObserver(6 * 6 * 28 * 28);
        using var session = new FaultInjectionSession(_model, [entry],
            [new ObserverBinding("SaveLast", "conv1", ObservePosition.After, saved)]);
        session.BeginTrial(3);
        Forward();
        return [.. saved.Result().Where(m => m.Name == "faulty" && m.Value == 1000)
            .Select(m => (int)m.Index!.Value).Select(i => (i / 4704, i / 784 % 6, i / 28 % 28, i % 28))];
    }

    [TestMethod]
    public void Permanent_activation_positions_keep_the_tensor_layout_for_dimension_selectors()
    {
        // Drawn within one sample of shape [1, C, H, W]: channel is still dimension 1, and the pixel is (h, w).
        var channel = PermanentHits(new SelectedDimRandomPositionByNumberSelector(n: 20, channel: [2]));
        Assert.IsNotEmpty(channel);
        Assert.IsTrue(channel.All(h => h.Channel == 2), "channel = [2] selects channel 2, not row 2");
        var pixel = PermanentHits(new FixedPixelByNumberSelector(2, [3, 4], perInstance: true));
        Assert.IsTrue(pixel.All(h => (h.Row, h.Column) == (3, 4)));
        var channels = pixel.GroupBy(h => h.Sample).Select(g => string.Join(",", g.Select(h => h.Channel).Order())).Distinct().ToList();
        Assert.HasCount(1, channels, "the same channels in every sample");
        Assert.AreEqual(6, pixel.Select(h => h.Sample).Distinct().Count());
        Assert.IsLessThanOrEqualTo(2, pixel.Count / 6, "n = 2 per instance (the one sample), not per channel");
    }

    [TestMethod]
    public void Each_site_draws_from_its_own_stream_so_other_entries_do_not_shift_its_faults()
    {
        var zeros = new FaultEntry("zeros", InjectionTarget.ActivationOut, ["fc3"], [], true, null, true,
            new RandomPositionByNumberSelector(4), new SetZeroErrorModel());
        var other = Weights(SelectorScope.Forward)
            with { Modules = ["conv1"], Selector = new RandomPositionByRateSelector(rate: 0.05),
                ErrorModel = new NormalDisturbErrorModel(std: 1e-3) };
        int[] ZeroPositions(params FaultEntry[] entries)
        {
            using var session = new FaultInjectionSession(_model, entries, []);
            session.BeginTrial(9);
            return [.. Forward().Select((v, i) => (v, i)).Where(x => x.v == 0).Select(x => x.i)];
        }
        var alone = ZeroPositions(zeros);
        Assert.IsNotEmpty(alone);
        CollectionAssert.AreEqual(alone, ZeroPositions(other, zeros), "conv1's draws do not change fc3's positions");
    }

    [TestMethod]
    public void Selected_values_mode_quantizes_only_the_selected_values()
    {
        var entry = new FaultEntry("s", InjectionTarget.ActivationOut, ["fc3"], [], true, new SymmetricQuantizer(8, DynamicRange.Auto),
            Layerwise: false,
            new FixPositionSelector([0]), new IntSignBitFlipErrorModel(8));
        float[] clean = Forward();
        using var session = new FaultInjectionSession(_model, [entry], []);
        var faulty = Forward();
        CollectionAssert.AreEqual(clean[1..], faulty[1..], "unselected values stay float, unquantized");
        // Closed form for element 0: q = round(x·127/R), sign flip (q ≥ 0 → q - 128, else q + 128), back to q'·R/127.
        double range = clean.Max(v => Math.Abs(v));
        double q = Math.Round(clean[0] * 127 / range, MidpointRounding.ToEven);
        double flipped = q >= 0 ? q - 128 : q + 128;
        Assert.AreEqual(flipped * range / 127, faulty[0], 1e-4);
    }
}
