using System.Globalization;
using Mrfi.Core.Data;
using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Models;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Injection;

/// <summary>Per-sample weight faults: the sparse correction of the golden output against the plain path (a forward per
/// faulty sample with its weights changed) and against the bare model with the recorded faults written into its weights.</summary>
[TestClass]
public sealed class PerSampleWeightsTests
{
    private static readonly string[] Layers = ["conv1", "conv2", "fc1", "fc2", "fc3"];
    private static LeNet _model = null!;
    private static ImageDataset _data = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _model = LeNetFixture.Model();
        _data = LeNetFixture.Images(64);
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        _model.Dispose();
        _data.Dispose();
    }

    private static FaultEntry Entry(IQuantizer? quantizer, ISelector selector, IErrorModel error) =>
        new("ps", InjectionTarget.Weight, Layers, ["weight"], true, quantizer, true, selector, error) { PerSample = true };

    private static (Tensor Output, List<FaultRecord> Faults) Run(FaultEntry entry, bool batched, long seed = 7)
    {
        using var session = new FaultInjectionSession(_model, [entry], [], new SessionOptions { Batched = batched, RecordFaults = true });
        session.BeginTrial(seed);
        using var noGrad = torch.no_grad();
        var output = _model.call(_data.Images).DetachFromDisposeScope();
        return (output, [.. session.Faults]);
    }

    private static Tensor Golden()
    {
        using var noGrad = torch.no_grad();
        return _model.call(_data.Images);
    }

    [TestMethod]
    public void Sparse_correction_equals_a_forward_per_sample_with_its_int8_faults()
    {
        // One 8-bit flip per sample in every layer: conv1 (padding 2), conv2 (no padding) and the three Linear layers.
        var entry = Entry(new SymmetricQuantizer(8, DynamicRange.Auto), new RandomPositionByNumberSelector(1, perInstance: true),
            new IntRandomBitFlipErrorModel(8));
        var (batched, faultsA) = Run(entry, batched: true);
        var (plain, faultsB) = Run(entry, batched: false);
        Assert.HasCount(64 * Layers.Length, faultsA);
        CollectionAssert.AreEqual(faultsB, faultsA, "both paths draw the same faults");
        Assert.IsTrue(faultsA.All(f => f.Coordinates.Split(',').Length is 3 or 5), "coordinates are (sample, weight position)");
        double scale = plain.abs().max().item<float>();
        double diff = batched.sub(plain).abs().max().item<float>();
        Assert.IsLessThan(1e-5 * scale, diff, $"max |batched - plain| = {diff} at output scale {scale}");
        CollectionAssert.AreEqual(plain.argmax(1).data<long>().ToArray(), batched.argmax(1).data<long>().ToArray());
        using var golden = Golden();
        Assert.IsGreaterThan(0L, golden.argmax(1).ne(batched.argmax(1)).sum().item<long>()
            + (golden.sub(batched).abs().max().item<float>() > 0 ? 1 : 0), "faults changed the outputs");
    }

    [TestMethod]
    public void Each_sample_equals_the_bare_model_run_alone_with_its_recorded_faults_written_into_the_weights()
    {
        // Several faults per sample (Poisson), bounded values, no quantization: the bare model is an independent reference.
        var entry = Entry(null, new RandomPositionByRateSelector(rate: 2e-4), new UniformRandomErrorModel(-2, 2));
        var (batched, faults) = Run(entry, batched: true, seed: 11);
        using var noGrad = torch.no_grad();
        var parameters = _model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        int checkedSamples = 0;
        foreach (var group in faults.GroupBy(f => long.Parse(f.Coordinates.Split(',')[0], CultureInfo.InvariantCulture)).Take(12))
        {
            long sample = group.Key;
            var clean = Layers.ToDictionary(l => l, l => parameters[$"{l}.weight"].detach().clone());
            foreach (var f in group)
            {
                long[] at = [.. f.Coordinates.Split(',').Skip(1).Select(c => long.Parse(c, CultureInfo.InvariantCulture))];
                parameters[$"{f.Layer}.weight"].index_put_(torch.tensor((float)f.Faulty), [.. at.Select(i => TensorIndex.Single(i))]);
            }
            var alone = _model.call(_data.Images.narrow(0, sample, 1));
            foreach (var l in Layers) parameters[$"{l}.weight"].copy_(clean[l]);
            double diff = alone.sub(batched.narrow(0, sample, 1)).abs().max().item<float>();
            Assert.IsLessThan(1e-4, diff, $"sample {sample}: {group.Count()} fault(s), max |difference| {diff}");
            checkedSamples++;
        }
        Assert.IsGreaterThanOrEqualTo(8, checkedSamples, "enough samples had faults to compare");
        using var after = Golden();
        using var reference = _model.call(_data.Images);
        Assert.IsTrue(after.eq(reference).all().item<bool>(), "clean weights are back");
    }

    [TestMethod]
    public void One_activation_fault_per_sample_in_a_batch_equals_each_sample_run_alone_with_its_fault()
    {
        // Activation faults drawn per instance are B single-fault experiments in one forward: each image, run alone with
        // the value its record says written at the same place, gives the same logits.
        var entry = new FaultEntry("a", InjectionTarget.ActivationOut, ["conv2"], [], true, null, true,
            new RandomPositionByNumberSelector(1, perInstance: true), new FloatRandomBitFlipErrorModel());
        var (batched, faults) = Run(entry, batched: true, seed: 5);
        Assert.HasCount(64, faults);
        using var noGrad = torch.no_grad();
        foreach (var f in faults.Take(16))
        {
            long[] at = [.. f.Coordinates.Split(',').Select(c => long.Parse(c, CultureInfo.InvariantCulture))];
            var alone = new FaultEntry("x", InjectionTarget.ActivationOut, ["conv2"], [], true, null, true,
                new FixPositionSelector([0, at[1], at[2], at[3]]), new SetValueErrorModel([f.Faulty]));
            using var session = new FaultInjectionSession(_model, [alone], []);
            session.BeginTrial(0);
            var output = _model.call(_data.Images.narrow(0, at[0], 1));
            var expected = batched.narrow(0, at[0], 1);
            Assert.IsTrue(output.isnan().eq(expected.isnan()).all().item<bool>(), $"sample {at[0]}: NaN in the same places");
            var finite = output.isfinite().logical_and(expected.isfinite());
            double diff = output.sub(expected).abs().masked_select(finite).max().item<float>();
            Assert.IsLessThan(1e-4 * Math.Max(1, expected.abs().masked_select(finite).max().item<float>()), diff, $"sample {at[0]}");
        }
    }

    [TestMethod]
    public void Samples_without_faults_keep_their_golden_output_and_the_weights_stay_clean()
    {
        var entry = Entry(new SymmetricQuantizer(8, DynamicRange.Auto), new RandomPositionByRateSelector(rate: 1e-5),
            new IntRandomBitFlipErrorModel(8));
        var before = _model.parameters().Select(p => p.detach().clone()).ToList();
        // The golden run of a per-sample entry quantizes the weights, as a golden run of a plain weight entry does.
        Tensor golden;
        using (var session = new FaultInjectionSession(_model, [entry with { Selector = new EmptySelector() }], []))
        using (torch.no_grad())
        {
            session.BeginTrial(3);
            golden = _model.call(_data.Images);
        }
        var (faulty, faults) = Run(entry, batched: true, seed: 3);
        var hit = faults.Select(f => long.Parse(f.Coordinates.Split(',')[0], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.IsTrue(hit.Count is > 0 and < 64, $"{hit.Count} of 64 samples had faults");
        for (long s = 0; s < 64; s++)
            if (!hit.Contains(s))
                Assert.IsTrue(golden.narrow(0, s, 1).eq(faulty.narrow(0, s, 1)).all().item<bool>(),
                    $"sample {s} had no fault but its output changed");
        CollectionAssert.AreEqual(before.Select(t => t.sum().item<float>()).ToList(),
            _model.parameters().Select(p => p.sum().item<float>()).ToList());
        Assert.IsTrue(before.Zip(_model.parameters()).All(p => p.First.eq(p.Second).all().item<bool>()));
    }
}
