using Mrfi.Core.Data;
using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Kernels;
using Mrfi.Core.Models;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Injection;

/// <summary>Whole LeNet forwards with the fused kernels on and off: every target (input in place and copied, output,
/// weight), transient and permanent scopes, fault records, and the clean input and weights afterwards.</summary>
[TestClass]
public sealed class FusedSessionTests
{
    private static readonly string[] Layers = ["conv1", "conv2", "fc1", "fc2", "fc3"];
    private static LeNet _model = null!;
    private static ImageDataset _data = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _model = LeNetFixture.Model();
        _data = LeNetFixture.Images(16);
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        _model.Dispose();
        _data.Dispose();
    }

    private static FaultEntry[] Entries(SelectorScope scope) =>
    [
        new("act8", InjectionTarget.Activation, Layers, [], true, new SymmetricQuantizer(8, DynamicRange.Auto), true,
            new RandomPositionByRateSelector(ber: 1e-3, bits: new ValueBits(8)), new IntRandomBitFlipErrorModel(8), scope),
        new("actf", InjectionTarget.Activation, ["conv2", "fc1"], [], true, null, true, new RandomPositionByRateSelector(rate: 1e-3),
            new FloatRandomBitFlipErrorModel(), scope),
        new("out", InjectionTarget.ActivationOut, ["conv1", "fc2"], [], true, new PositiveQuantizer(6, new DynamicRange(4.0)), false,
            new RandomPositionByNumberSelector(20), new IntSignBitFlipErrorModel(6), scope),
        new("w", InjectionTarget.Weight, ["conv1", "conv2", "fc3"], ["weight", "bias"], true,
            new SymmetricQuantizer(8, DynamicRange.Auto, 0.8), true,
            new RandomPositionByRateSelector(rate: 5e-3), new IntRandomBitFlipErrorModel(8), scope),
        // Without layer-wise quantization a weight is put back value by value (conv2's bias also gets the one above: a whole copy).
        new("wf", InjectionTarget.Weight, ["conv2", "fc1", "fc2"], ["bias", "weight"], true, null, true,
            new RandomPositionByRateSelector(rate: 2e-3), new FloatRandomBitFlipErrorModel(), scope),
    ];

    /// <summary>The narrow formats' kernels (MiniFloatSpan, MXKernels) against their value-by-value references: FP8 values, MX
    /// elements along the last dimension and along dimension 0, MX selected values only, and faults in MX scales.</summary>
    private static FaultEntry[] NarrowEntries(SelectorScope scope) =>
    [
        new("fp8", InjectionTarget.Activation, ["conv2", "fc1"], [], true, new FloatQuantizer("float8_e4m3fn"), true,
            new RandomPositionByRateSelector(rate: 1e-3), new FloatRandomBitFlipErrorModel("float8_e4m3fn"), scope),
        new("mx", InjectionTarget.Activation, ["conv1", "fc2"], [], true, new MXQuantizer("fp8_e5m2"), true,
            new RandomPositionByRateSelector(rate: 1e-3), new IntRandomBitFlipErrorModel(8), scope),
        new("mxw", InjectionTarget.Weight, ["conv1", "fc1"], ["weight"], true, new MXQuantizer("fp6_e2m3", 16, 0), true,
            new RandomPositionByRateSelector(rate: 5e-3), new IntRandomBitFlipErrorModel(6), scope),
        new("mxsel", InjectionTarget.Activation, ["fc3"], [], true, new MXQuantizer("int8", 8), false,
            new RandomPositionByNumberSelector(30), new IntRandomBitFlipErrorModel(8), scope),
        new("mxs", InjectionTarget.ActivationOut, ["fc3"], [], true, new MXQuantizer("fp4_e2m1", 32, -1, "scales"), true,
            new RandomPositionByNumberSelector(3), new IntRandomBitFlipErrorModel(8), scope),
    ];

    private static (int[] Output, List<Mrfi.Core.Injection.FaultRecord> Faults, long Count) Run(FaultEntry[] entries, bool kernels,
        int forwards)
    {
        using var off = kernels ? null : CpuKernels.Disable();
        using var input = _data.Images.clone();
        var cleanInput = TensorAssert.Floats(input);
        var cleanWeights = _model.parameters().Select(TensorAssert.Floats).ToList();
        using var session = new FaultInjectionSession(_model, entries, [], new SessionOptions { RecordFaults = true });
        session.BeginTrial(17);
        int[] bits = [];
        for (int i = 0; i < forwards; i++)
        {
            using var noGrad = torch.no_grad();
            using var output = _model.call(input);
            // A NaN's payload is not a result (DUE is "not finite"); libtorch and the kernels may give NaNs of different payloads.
            bits = [.. FusedInjectorTests.Bits(output).Select(b => float.IsNaN(BitConverter.Int32BitsToSingle(b)) ? 0x7FC00000 : b)];
            CollectionAssert.AreEqual(cleanInput, TensorAssert.Floats(input), "the caller's input is clean after the forward");
        }
        var weights = _model.parameters().Select(TensorAssert.Floats).ToList();
        for (int i = 0; i < weights.Count; i++) CollectionAssert.AreEqual(cleanWeights[i], weights[i], "clean weights after the forward");
        return (bits, [.. session.Faults], session.FaultCount);
    }

    [TestMethod]
    [DataRow(SelectorScope.Forward)]
    [DataRow(SelectorScope.Trial)]
    public void Lenet_forwards_give_the_same_bits_and_fault_records_with_and_without_the_kernels(SelectorScope scope) =>
        AssertSameWithAndWithoutKernels(() => Entries(scope), 100, $"{scope}");

    [TestMethod]
    [DataRow(SelectorScope.Forward)]
    [DataRow(SelectorScope.Trial)]
    public void Narrow_formats_give_the_same_bits_and_fault_records_with_and_without_the_kernels(SelectorScope scope)
    {
        var fused = AssertSameWithAndWithoutKernels(() => NarrowEntries(scope), 50, $"{scope}");
        foreach (string entry in new[] { "fp8", "mx", "mxw", "mxsel", "mxs" })
            Assert.IsTrue(fused.Any(f => f.Entry == entry), $"{scope}: {entry} drew faults");
    }

    /// <summary>Two forwards with fresh <paramref name="entries"/>, kernels on and off: more than <paramref name="minimum"/>
    /// faults, the same logits and the same fault records; returns the records.</summary>
    private static List<Mrfi.Core.Injection.FaultRecord> AssertSameWithAndWithoutKernels(Func<FaultEntry[]> entries, long minimum,
        string what)
    {
        var fused = Run(entries(), kernels: true, forwards: 2);
        var reference = Run(entries(), kernels: false, forwards: 2);
        Assert.IsGreaterThan(minimum, fused.Count);
        Assert.AreEqual(reference.Count, fused.Count, "faults");
        FusedInjectorTests.AssertSame(reference.Output, fused.Output, $"{what}: logits");
        FusedInjectorTests.AssertSameFaults(reference.Faults, fused.Faults, what);
        return fused.Faults;
    }

    [TestMethod]
    public void The_kernels_take_float32_cpu_tensors_with_built_in_quantizers_only()
    {
        using var session = new FaultInjectionSession(_model, [], []);
        using var floats = torch.randn(64);
        using var doubles = torch.randn(64, dtype: ScalarType.Float64);
        using var strided = torch.randn(8, 8).t();
        FaultEntry With(IQuantizer? q) => new("e", InjectionTarget.Activation, ["x"], [], true, q, true, null, new SetZeroErrorModel());
        Assert.IsTrue(FusedInjector.TryApply(floats, With(new SymmetricQuantizer(8, DynamicRange.Auto)), null, new Generator(1), null,
            null));
        Assert.IsTrue(FusedInjector.TryApply(floats, With(null), null, new Generator(1), null, null));
        Assert.IsFalse(FusedInjector.TryApply(floats, With(new PerChannelSymmetricQuantizer(8)), null, new Generator(1), null, null),
            "per-channel: tensor path");
        Assert.IsFalse(FusedInjector.TryApply(floats, With(new AsymmetricQuantizer(8)), null, new Generator(1), null, null),
            "affine: tensor path");
        Assert.IsFalse(FusedInjector.TryApply(doubles, With(null), null, new Generator(1), null, null), "float64: tensor path");
        Assert.IsFalse(FusedInjector.TryApply(strided, With(null), null, new Generator(1), null, null), "non-contiguous: tensor path");
        using (CpuKernels.Disable())
            Assert.IsFalse(FusedInjector.TryApply(floats, With(null), null, new Generator(1), null, null), "kernels off: tensor path");
    }
}
