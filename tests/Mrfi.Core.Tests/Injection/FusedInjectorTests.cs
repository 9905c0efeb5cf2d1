using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Kernels;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Injection;

/// <summary>The fused CPU path against the tensor path (the reference, the kernels switched off) on the same tensors and
/// seeds: outputs compared as raw float32 bits, fault records field by field.</summary>
[TestClass]
public sealed class FusedInjectorTests
{
    private static nn.Module _model = null!;

    [ClassInitialize]
    public static void Load(TestContext _) => _model = nn.Linear(2, 2);

    [ClassCleanup]
    public static void Cleanup() => _model.Dispose();

    /// <summary>Normal values around ±3 with the awkward ones mixed in: zeros of both signs, values on and beyond the range,
    /// halves that round to even, subnormals; 3876 values so the vector loops have tails.</summary>
    internal static Tensor Values(int seed, float scale = 3f)
    {
        using var g = new Generator((ulong)seed);
        var t = torch.randn([4, 3, 17, 19], generator: g).mul_(scale);
        using var flat = t.view(-1);
        float[] special = [0f, -0f, scale * 4, -scale * 4, 0.5f, -0.5f, 1.5f, 2.5f, 1e-40f, -1e-40f, float.Epsilon, 127.5f, -126.5f];
        for (int i = 0; i < special.Length; i++) flat[i * 97 + 5] = torch.tensor(special[i]);
        return t;
    }

    /// <summary>Runs the entry on a copy of <paramref name="input"/> with the kernels on and off; returns both results' bits
    /// and fault records, after checking the fault counts agree.</summary>
    internal static (int[] Fused, int[] Reference, List<FaultRecord> FusedFaults, List<FaultRecord> ReferenceFaults)
        Run(FaultEntry entry, Tensor input, InjectionMode mode = InjectionMode.Faulty, ulong seed = 11, bool record = true)
    {
        var (fused, fusedFaults, fusedCount) = Once(entry, input, mode, seed, record, kernels: true);
        var (reference, referenceFaults, referenceCount) = Once(entry, input, mode, seed, record, kernels: false);
        Assert.AreEqual(referenceCount, fusedCount, "fault count");
        return (fused, reference, fusedFaults, referenceFaults);
    }

    private static (int[] Bits, List<FaultRecord> Faults, long Count) Once(FaultEntry entry, Tensor input, InjectionMode mode, ulong seed,
        bool record, bool kernels)
    {
        using var session = new FaultInjectionSession(_model, [], [], new SessionOptions { RecordFaults = record });
        session.BeginTrial(5);
        using var tensor = input.clone();
        using var stream = new Generator(seed);
        using var off = kernels ? null : CpuKernels.Disable();
        long count = TensorInjector.Apply(tensor, entry, mode, session, stream, null, record ? ("layer", "input") : null);
        return (Bits(tensor), [.. session.Faults], count);
    }

    internal static int[] Bits(Tensor t) => [.. TensorAssert.Floats(t).Select(BitConverter.SingleToInt32Bits)];

    internal static void AssertSame(int[] expected, int[] actual, string what)
    {
        Assert.HasCount(expected.Length, actual);
        for (int i = 0; i < expected.Length; i++)
            if (expected[i] != actual[i])
                Assert.Fail($"{what}: element {i} is {BitConverter.Int32BitsToSingle(actual[i])} (0x{actual[i]:X8}), the tensor path " +
                    $"gives {BitConverter.Int32BitsToSingle(expected[i])} (0x{expected[i]:X8})");
    }

    internal static void AssertSameFaults(List<FaultRecord> expected, List<FaultRecord> actual, string what)
    {
        Assert.HasCount(expected.Count, actual, $"{what}: fault records");
        for (int i = 0; i < expected.Count; i++) Assert.AreEqual(expected[i], actual[i], $"{what}: fault record {i}");
    }

    private static IQuantizer? Quantizer(string name) => name switch
    {
        "none" => null,
        "sym2" => new SymmetricQuantizer(2, DynamicRange.Auto),
        "sym4-fixed" => new SymmetricQuantizer(4, new DynamicRange(2.5)),
        "sym8" => new SymmetricQuantizer(8, DynamicRange.Auto),
        "sym8-scaled" => new SymmetricQuantizer(8, DynamicRange.Auto, 0.7),
        "sym8-fixed-scaled" => new SymmetricQuantizer(8, new DynamicRange(5.3), 1.3),
        "sym16" => new SymmetricQuantizer(16, DynamicRange.Auto),
        "sym32" => new SymmetricQuantizer(32, DynamicRange.Auto, 1.1),
        "pos2" => new PositiveQuantizer(2, DynamicRange.Auto),
        "pos8" => new PositiveQuantizer(8, DynamicRange.Auto),
        "pos8-fixed-scaled" => new PositiveQuantizer(8, new DynamicRange(4.1), 0.9),
        "pos16-scaled" => new PositiveQuantizer(16, DynamicRange.Auto, 1.7),
        "pos31" => new PositiveQuantizer(31, DynamicRange.Auto),
        "fxp3.4" => new FixPointQuantizer(3, 4),
        "fxp3.12" => new FixPointQuantizer(3, 12),
        "fxp0.20" => new FixPointQuantizer(0, 20),
        _ => throw new ArgumentException(name),
    };

    private static int Width(IQuantizer? q) => q switch { IBitWidth b => b.BitWidth, _ => 8 };

    private static IErrorModel ErrorModel(string name, int width) => name switch
    {
        "int-random" => new IntRandomBitFlipErrorModel(width),
        "int-sign" => new IntSignBitFlipErrorModel(width),
        "int-multi" => new IntMultiBitFlipErrorModel(width, 2),
        "int-burst" => new IntBurstBitFlipErrorModel(width, 2),
        "int-stuck1" => new IntStuckAtErrorModel(width, width - 1, 1),
        "int-stuck0" => new IntStuckAtErrorModel(width, 0, 0),
        "int-fixed" => new IntFixedBitFlipErrorModel(width, [1]),
        "float-random" => new FloatRandomBitFlipErrorModel(),
        "float-random-suppress" => new FloatRandomBitFlipErrorModel(suppressInvalid: true),
        "float-stuck" => new FloatStuckAtErrorModel(30, 1),
        "float16-random" => new FloatRandomBitFlipErrorModel("float16"),
        "float-multi" => new FloatMultiBitFlipErrorModel(3),
        "fp8e4m3-random" => new FloatRandomBitFlipErrorModel("float8_e4m3fn"),
        "fp8e5m2-random" => new FloatRandomBitFlipErrorModel("float8_e5m2"),
        "fp8e5m2-suppress" => new FloatRandomBitFlipErrorModel("float8_e5m2", suppressInvalid: true),
        "fp6e3m2-random" => new FloatRandomBitFlipErrorModel("float6_e3m2"),
        "fp6e2m3-multi" => new FloatMultiBitFlipErrorModel(2, "float6_e2m3"),
        "fp4-stuck" => new FloatStuckAtErrorModel(2, 1, "float4_e2m1"),
        "set-value" => new SetValueErrorModel([0.25]),
        "normal" => new NormalDisturbErrorModel(0.5),
        _ => throw new ArgumentException(name),
    };

    private static FaultEntry Entry(IQuantizer? quantizer, bool layerwise, ISelector? selector, IErrorModel error) =>
        new("e", InjectionTarget.Activation, ["layer"], [], true, quantizer, layerwise, selector, error);

    [TestMethod]
    [DataRow("sym2")] [DataRow("sym4-fixed")] [DataRow("sym8")] [DataRow("sym8-scaled")] [DataRow("sym8-fixed-scaled")] [DataRow("sym16")]
    [DataRow("sym32")] [DataRow("pos2")] [DataRow("pos8")] [DataRow("pos8-fixed-scaled")] [DataRow("pos16-scaled")] [DataRow("pos31")]
    [DataRow("fxp3.4")] [DataRow("fxp3.12")] [DataRow("fxp0.20")]
    public void Quantizers_give_the_tensor_paths_bits_layer_wise_and_on_selected_values(string quantizer)
    {
        foreach (bool layerwise in new[] { true, false })
            foreach (string error in new[] { "int-random", "int-sign", "int-stuck1", "int-stuck0", "float-random" })
                foreach (int seed in new[] { 1, 2 })
                {
                    var q = Quantizer(quantizer);
                    var entry = Entry(q, layerwise, new RandomPositionByRateSelector(rate: 0.05), ErrorModel(error, Width(q)));
                    using var input = Values(seed, scale: seed == 1 ? 3f : 0.02f);
                    var (fused, reference, fusedFaults, referenceFaults) = Run(entry, input, seed: (ulong)seed);
                    string what = $"{quantizer}, layerwise {layerwise}, {error}, seed {seed}";
                    AssertSame(reference, fused, what);
                    AssertSameFaults(referenceFaults, fusedFaults, what);
                    Assert.IsGreaterThan(100, fusedFaults.Count, what);
                }
    }

    [TestMethod]
    [DataRow("int-random")] [DataRow("int-sign")] [DataRow("int-multi")] [DataRow("int-burst")] [DataRow("int-stuck1")] [DataRow(
        "int-stuck0")]
    [DataRow("int-fixed")] [DataRow("float-random")] [DataRow("float-random-suppress")] [DataRow("float-stuck")] [DataRow("float16-random")]
    [DataRow("float-multi")] [DataRow("set-value")] [DataRow("normal")] [DataRow("fp8e4m3-random")] [DataRow("fp8e5m2-random")]
    [DataRow("fp8e5m2-suppress")] [DataRow("fp6e3m2-random")] [DataRow("fp6e2m3-multi")] [DataRow("fp4-stuck")]
    public void Error_models_give_the_tensor_paths_bits_with_and_without_quantization(string error)
    {
        foreach (string quantizer in new[] { "none", "sym8", "pos8" })
            foreach (bool layerwise in new[] { true, false })
            {
                var q = Quantizer(quantizer);
                var entry = Entry(q, layerwise, new RandomPositionByRateSelector(rate: 0.1), ErrorModel(error, Width(q)));
                using var input = Values(7);
                var (fused, reference, fusedFaults, referenceFaults) = Run(entry, input);
                string what = $"{error}, {quantizer}, layerwise {layerwise}";
                AssertSame(reference, fused, what);
                AssertSameFaults(referenceFaults, fusedFaults, what);
            }
    }

    [TestMethod]
    [DataRow("rate")] [DataRow("number")] [DataRow("number-per-instance")] [DataRow("all")] [DataRow("fixed")] [DataRow(
        "masked-dim")] [DataRow("empty")]
    public void Selectors_give_the_tensor_paths_bits(string selector)
    {
        ISelector? s = selector switch
        {
            "rate" => new RandomPositionByRateSelector(rate: 0.2, poisson: false),
            "number" => new RandomPositionByNumberSelector(500),
            "number-per-instance" => new RandomPositionByNumberSelector(40, perInstance: true),
            "fixed" => new FixPositionsSelector([[0, 5, 5, 3875, 102]]),
            "masked-dim" => new MaskedDimRandomPositionByRateSelector(rate: 0.1, channel: [1]),
            "empty" => new EmptySelector(),
            _ => null,
        };
        foreach (var mode in new[] { InjectionMode.Faulty, InjectionMode.Golden })
        {
            var entry = Entry(new SymmetricQuantizer(8, DynamicRange.Auto), true, s, new IntRandomBitFlipErrorModel(8));
            using var input = Values(3);
            var (fused, reference, fusedFaults, referenceFaults) = Run(entry, input, mode);
            AssertSame(reference, fused, $"{selector}, {mode}");
            AssertSameFaults(referenceFaults, fusedFaults, $"{selector}, {mode}");
        }
    }

    [TestMethod]
    public void Nan_and_infinite_inputs_give_the_tensor_paths_bits()
    {
        using var input = Values(4);
        using (var flat = input.view(-1))
        {
            flat[10] = torch.tensor(float.NaN);
            flat[20] = torch.tensor(float.PositiveInfinity);
            flat[30] = torch.tensor(float.NegativeInfinity);
            flat[40] = torch.tensor(BitConverter.Int32BitsToSingle(0x7FC00001));
        }
        var all = new FixPositionsSelector([[10, 20, 30, 40, 50]]);
        foreach (var (quantizer, error) in new (IQuantizer?, string)[]
                 {
                     (new SymmetricQuantizer(8, new DynamicRange(3.0)), "int-random"),
                     (new PositiveQuantizer(8, new DynamicRange(3.0)), "int-sign"),
                     (new FixPointQuantizer(3, 4), "int-random"), (new SymmetricQuantizer(8, DynamicRange.Auto), "int-random"),
                     (null, "float-random"), (null, "float-random-suppress"), (null, "int-random"), (null, "fp8e4m3-random"),
                     (null, "fp8e5m2-random"), (null, "fp4-stuck"),
                 })
            foreach (bool layerwise in new[] { true, false })
            {
                var entry = Entry(quantizer, layerwise, all, ErrorModel(error, 8));
                var (fused, reference, _, _) = Run(entry, input, record: false);
                AssertSame(reference, fused, $"{quantizer?.GetType().Name ?? "none"}, {error}, layerwise {layerwise}");
            }
    }
}
