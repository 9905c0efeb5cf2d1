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

[TestClass]
public sealed class FaultInjectionSessionTests
{
    private static readonly string[] Layers = ["conv1", "conv2", "fc1", "fc2", "fc3"];
    private static LeNet _model = null!;
    private static ImageDataset _data = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _model = LeNetFixture.Model();
        _data = LeNetFixture.Images(8);
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        _model.Dispose();
        _data.Dispose();
    }

    private static Tensor Forward(Tensor? input = null)
    {
        using var noGrad = torch.no_grad();
        return _model.call(input ?? _data.Images);
    }

    private static FaultEntry WeightEntry(bool enabled = true, double rate = 0.05) =>
        new("w", InjectionTarget.Weight, Layers, ["weight"], enabled,
        new SymmetricQuantizer(8, DynamicRange.Auto), true, new RandomPositionByRateSelector(rate), new IntRandomBitFlipErrorModel(8));

    private static Dictionary<string, float[]> Weights() =>
        _model.state_dict().ToDictionary(kv => kv.Key, kv => TensorAssert.Floats(kv.Value));

    [TestMethod]
    public void Golden_run_applies_quantization_but_no_faults()
    {
        // Independent reference: quantize every weight by the closed form round(w·127/max|w|)·max|w|/127 in double.
        using var reference = new LeNet();
        WeightLoader.Load(reference, Repo.Asset("lenet_fmnist.safetensors"));
        reference.eval();
        using (torch.no_grad())
        {
            foreach (var layer in Layers)
            {
                var w = reference.named_parameters().Single(p => p.name == $"{layer}.weight").parameter;
                var values = TensorAssert.Doubles(w);
                double max = values.Max(Math.Abs);
                var q = values.Select(v => (float)(Math.Round(v * 127 / max, MidpointRounding.ToEven) * max / 127)).ToArray();
                w.copy_(torch.tensor(q).reshape(w.shape));
            }
        }
        Tensor expected;
        using (torch.no_grad()) expected = reference.call(_data.Images);

        using var session = new FaultInjectionSession(_model, [WeightEntry()], []);
        using var goldenForwards = session.Forward(InjectionMode.Golden);
        using var golden = Forward();
        Assert.AreEqual(0, session.FaultCount);
        TensorAssert.AreEqual(TensorAssert.Doubles(expected), TensorAssert.Doubles(golden), 1e-4);
    }

    [TestMethod]
    public void Weights_are_clean_after_every_forward_and_after_dispose()
    {
        var before = Weights();
        using (var session = new FaultInjectionSession(_model, [WeightEntry(rate: 0.2)], []))
        {
            session.BeginTrial(3);
            using var faulty = Forward();
            Assert.IsGreaterThan(0L, session.FaultCount);
            foreach (var (name, values) in Weights()) CollectionAssert.AreEqual(before[name], values, $"{name} after a faulty forward");
        }
        foreach (var (name, values) in Weights()) CollectionAssert.AreEqual(before[name], values, $"{name} after dispose");
    }

    [TestMethod]
    public void Weights_turned_nan_by_a_fault_are_put_back()
    {
        // A NaN weight is not equal to itself under TorchSharp's value equality; the clean copy must still be found.
        var before = Weights();
        foreach (bool layerwise in new[] { true, false })
        {
            var nan = new FaultEntry("nan", InjectionTarget.Weight, Layers, ["weight"], true, new MXQuantizer("fp8_e4m3"), layerwise,
                new FixPositionSelector([0]), new SetValueErrorModel([127]));   // word 0.1111.111: E4M3's NaN
            using (var session = new FaultInjectionSession(_model, [nan], []))
            {
                session.BeginTrial(1);
                using var faulty = Forward();
                Assert.IsTrue(TensorAssert.Floats(faulty).Any(float.IsNaN), "the NaN weight reached the output");
                foreach (var (name, values) in Weights()) CollectionAssert.AreEqual(before[name], values, $"{name} after a faulty forward");
            }
            foreach (var (name, values) in Weights()) CollectionAssert.AreEqual(before[name], values, $"{name} after dispose");
        }
    }

    [TestMethod]
    public void Faults_change_the_output_and_the_same_seed_repeats_them()
    {
        using var clean = Forward();
        Tensor Run(ulong seed)
        {
            using var s = new FaultInjectionSession(_model, [WeightEntry(rate: 0.05)], []);
        s.BeginTrial((long)seed);
            return Forward();
        }
        using var a = Run(1);
        using var b = Run(1);
        using var c = Run(2);
        CollectionAssert.AreEqual(TensorAssert.Floats(a), TensorAssert.Floats(b));
        CollectionAssert.AreNotEqual(TensorAssert.Floats(a), TensorAssert.Floats(c));
        CollectionAssert.AreNotEqual(TensorAssert.Floats(clean), TensorAssert.Floats(a));
    }

    [TestMethod]
    public void Disabled_entry_neither_quantizes_nor_injects()
    {
        using var clean = Forward();
        using var session = new FaultInjectionSession(_model, [WeightEntry(enabled: false, rate: 0.5)], []);
        using var output = Forward();
        CollectionAssert.AreEqual(TensorAssert.Floats(clean), TensorAssert.Floats(output));
        Assert.AreEqual(0, session.FaultCount);
    }

    [TestMethod]
    public void A_trial_returns_its_own_faults_and_a_forward_scope_puts_the_state_back()
    {
        var entry = new FaultEntry("z", InjectionTarget.ActivationOut, ["fc3"], [], true, null, true, new FixPositionSelector([1, 2]),
            new SetZeroErrorModel());
        using var session = new FaultInjectionSession(_model, [entry], [], new SessionOptions { RecordFaults = true });
        session.BeginTrial(5, trial: 3);
        using (session.Forward(new ForwardState(InjectionMode.Faulty, Batch: 2))) Forward().Dispose();
        Assert.AreEqual(InjectionMode.Faulty, session.Mode, "outside a scope the session injects, as a new one does");
        Assert.AreEqual(0, session.Batch, "the scope's batch ends with it");
        using (session.Forward(InjectionMode.Golden)) Forward().Dispose();
        var first = session.EndTrial();
        Assert.AreEqual(1L, first.Count, "the golden forward injects nothing");
        Assert.AreEqual((3L, 2, "fc3"), (first.Records.Single().Trial, first.Records.Single().Batch, first.Records.Single().Layer));
        session.BeginTrial(6, trial: 4);
        Forward().Dispose();
        Forward().Dispose();
        var second = session.EndTrial();
        Assert.AreEqual(2L, second.Count, "a new trial counts from zero");
        Assert.AreEqual(1, first.Records.Count, "the first trial's records are its own copy");
        Assert.IsTrue(second.Records.All(r => r.Trial == 4 && r.Batch == 0));
    }

    [TestMethod]
    public void Output_fault_at_a_fixed_position_changes_only_that_logit()
    {
        using var clean = Forward();
        var entry = new FaultEntry("z", InjectionTarget.ActivationOut, ["fc3"], [], true, null, true, new FixPositionSelector([1, 2]),
            new SetZeroErrorModel());
        using var session = new FaultInjectionSession(_model, [entry], []);
        using var output = Forward();
        var expected = TensorAssert.Floats(clean);
        expected[1 * 10 + 2] = 0;
        CollectionAssert.AreEqual(expected, TensorAssert.Floats(output));
        Assert.AreEqual(1, session.FaultCount);
    }

    [TestMethod]
    public void Input_faults_never_touch_the_callers_tensor()
    {
        using var input = _data.Images.clone();
        var before = TensorAssert.Floats(input);
        var entry = new FaultEntry("in", InjectionTarget.Activation, ["conv1"], [], true, new SymmetricQuantizer(8, DynamicRange.Auto),
            true, null, new SetZeroErrorModel());
        using var session = new FaultInjectionSession(_model, [entry], []);
        using var output = Forward(input);
        CollectionAssert.AreEqual(before, TensorAssert.Floats(input));
        Assert.AreEqual(input.numel(), session.FaultCount, "no selector selects every value");
    }

    [TestMethod]
    public void Unquantized_input_faults_go_into_the_input_and_are_put_back_after_the_forward()
    {
        // Conv2d inputs without layer-wise quantization are faulted in place and restored; two entries overlap at 9.
        using var input = _data.Images.clone();
        var before = TensorAssert.Floats(input);
        var first = new FaultEntry("a", InjectionTarget.Activation, ["conv1"], [], true, null, true, new FixPositionsSelector([[5, 9]]),
            new SetValueErrorModel([0.7]));
        var second = new FaultEntry("b", InjectionTarget.Activation, ["conv1"], [], true, null, true, new FixPositionsSelector([[9, 11]]),
            new SetValueErrorModel([-0.3]));
        using var expectedInput = input.clone();
        using (var flat = expectedInput.view(-1))
        {
            flat[5] = torch.tensor(0.7f);
            flat[9] = torch.tensor(-0.3f);
            flat[11] = torch.tensor(-0.3f);
        }
        using var expected = Forward(expectedInput);
        using var session = new FaultInjectionSession(_model, [first, second], []);
        session.BeginTrial(1);
        for (int pass = 0; pass < 2; pass++)
        {
            using var output = Forward(input);
            CollectionAssert.AreEqual(TensorAssert.Floats(expected), TensorAssert.Floats(output), $"pass {pass}");
            CollectionAssert.AreEqual(before, TensorAssert.Floats(input), $"pass {pass}: the caller's tensor is clean again");
        }
        Assert.AreEqual(8, session.FaultCount);
    }

    [TestMethod]
    public void Disposing_the_session_removes_the_hooks()
    {
        using var clean = Forward();
        var entry = new FaultEntry("z", InjectionTarget.ActivationOut, ["fc3"], [], true, null, true, null, new SetZeroErrorModel());
        using (var session = new FaultInjectionSession(_model, [entry], []))
        {
            using var zero = Forward();
            Assert.AreEqual(0.0, zero.abs().sum().item<float>());
        }
        using var after = Forward();
        CollectionAssert.AreEqual(TensorAssert.Floats(clean), TensorAssert.Floats(after));
    }

    [TestMethod]
    public void Float_mode_runs_the_plain_model()
    {
        using var clean = Forward();
        using var session = new FaultInjectionSession(_model, [WeightEntry(rate: 0.5)], []);
        using var floatForwards = session.Forward(InjectionMode.Float);
        using var output = Forward();
        CollectionAssert.AreEqual(TensorAssert.Floats(clean), TensorAssert.Floats(output));
    }

    [TestMethod]
    public void Observers_see_golden_then_faulty_outputs()
    {
        var entry = new FaultEntry("z", InjectionTarget.ActivationOut, ["fc3"], [], true, null, true, new FixPositionSelector([0]),
            new SetZeroErrorModel());
        var rmse = new Mrfi.Core.Observers.RmseObserver();
        using var session = new FaultInjectionSession(_model, [entry], [new ObserverBinding("RMSE", "fc3", ObservePosition.After, rmse)]);
        Tensor golden;
        using (session.Forward(InjectionMode.Golden)) golden = Forward();
        using var faulty = Forward();
        using var goldenOutput = golden;
        double g0 = TensorAssert.Doubles(golden)[0];
        // Only element 0 of the 8×10 output changes, from g0 to 0.
        Assert.AreEqual(Math.Sqrt(g0 * g0 / 80), rmse.Result().Single().Value, 1e-6);
    }
}
