using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;
using Mrfi.Core.Tests.ErrorModels;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Quantizers;

/// <summary>MX block quantization against a reference computed here element by element: the OCP scale rule, elements
/// rounded to the nearest representable value (ties to the even pattern) found by search over every pattern.</summary>
[TestClass]
public sealed class MXQuantizerTests
{
    private static readonly string[] Elements = ["fp8_e4m3", "fp8_e5m2", "fp6_e3m2", "fp6_e2m3", "fp4_e2m1", "int8"];

    /// <summary>(exponent bits, mantissa bits, emax) of the specification's element table; int8 has no float layout.</summary>
    private static (int E, int M, int Emax) Spec(string element) => element switch
    {
        "fp8_e4m3" => (4, 3, 8), "fp8_e5m2" => (5, 2, 15), "fp6_e3m2" => (3, 2, 4), "fp6_e2m3" => (2, 3, 2), "fp4_e2m1" => (2, 1, 2),
        _ => (0, 0, 0),
    };

    /// <summary>The element value nearest <paramref name="v"/> (saturated), by search over all patterns decoded by the test's
    /// formula.</summary>
    internal static double RoundElement(double v, string element)
    {
        if (element == "int8") return Math.Clamp(Math.Round(v * 64, MidpointRounding.ToEven), -127, 127) / 64;
        var (e, m, _) = Spec(element);
        var finite = Enumerable.Range(0, 1 << (1 + e + m)).Select(c => (Code: c, Value: MiniFloatTests.Reference(c, e, m)))
            .Where(p => double.IsFinite(p.Value)).ToArray();
        double max = finite.Max(p => p.Value);
        v = Math.Clamp(v, -max, max);
        var best = finite.OrderBy(p => Math.Abs(p.Value - v)).ThenBy(p => p.Code & 1).First();
        return best.Value;
    }

    /// <summary>MX of a 2-D tensor with blocks along <paramref name="dim"/>, written with explicit loops over blocks.</summary>
    private static double[,] Reference(float[,] x, string element, int block, int dim)
    {
        int rows = x.GetLength(0), cols = x.GetLength(1);
        var result = new double[rows, cols];
        int along = dim == 0 ? rows : cols, across = dim == 0 ? cols : rows;
        for (int a = 0; a < across; a++)
            for (int start = 0; start < along; start += block)
            {
                var cells = Enumerable.Range(start, Math.Min(block, along - start)).Select(k => dim == 0 ? (r: k, c: a) : (r: a, c: k))
                    .ToArray();
                var values = cells.Select(p => (double)x[p.r, p.c]).ToArray();
                double max = values.Max(Math.Abs);
                bool invalid = values.Any(v => !double.IsFinite(v));
                double scale = invalid ? double.NaN : max == 0 ? Math.Pow(2, -127)
                    : Math.Pow(2, Math.Clamp(Math.Floor(Math.Log2(max)) - Spec(element).Emax, -127, 127));
                foreach (var (r, c) in cells) result[r, c] = invalid ? double.NaN : (float)(RoundElement(x[r, c] / scale, element) * scale);
            }
        return result;
    }

    private static double[] RoundTrip(MXQuantizer q, Tensor t)
    {
        using var copy = t.clone();
        using var quantization = q.Calibrate(copy);
        quantization.Quantize(copy);
        quantization.Dequantize(copy);
        return [.. TensorAssert.Floats(copy).Select(v => (double)v)];
    }

    private static void AssertMatches(double[,] expected, double[] actual, string what)
    {
        int cols = expected.GetLength(1);
        for (int i = 0; i < actual.Length; i++)
        {
            double e = expected[i / cols, i % cols];
            if (double.IsNaN(e)) Assert.IsTrue(double.IsNaN(actual[i]), $"{what}: element {i} should be NaN, is {actual[i]}");
            else Assert.AreEqual(e, actual[i], $"{what}: element {i}");
        }
    }

    private static float[,] Sample(int rows, int cols, int seed)
    {
        var rng = new Random(seed);
        var x = new float[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                x[r, c] = (float)((rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-12, 6)));
        x[0, 0] = 8f;                       // block (0, 0..31)'s max is a power of two
        for (int c = 32; c < 64; c++) x[1, c] = 0f;  // a block of zeros
        x[2, 40] = float.NaN;               // a block holding a NaN
        x[3, 5] = 1e-42f;                   // a float32 subnormal
        return x;
    }

    [TestMethod]
    public void Element_types_have_the_specifications_widths_and_emax()
    {
        foreach (var element in Elements)
        {
            var q = new MXQuantizer(element);
            var (e, m, emax) = Spec(element);
            Assert.AreEqual(element == "int8" ? 8 : 1 + e + m, q.BitWidth, element);
            Assert.AreEqual(emax, q.Element.Emax, element);
            Assert.AreEqual(8, new MXQuantizer(element, targetPart: "scales").BitWidth, element);
        }
    }

    [TestMethod]
    public void Round_trip_along_the_last_dimension_matches_the_element_by_element_reference()
    {
        var x = Sample(5, 70, 1);  // 70 = two blocks of 32 and one of 6
        using var t = torch.tensor(x);
        foreach (var element in Elements)
            AssertMatches(Reference(x, element, 32, 1), RoundTrip(new MXQuantizer(element), t), element);
    }

    [TestMethod]
    public void Round_trip_along_the_first_dimension_and_other_block_sizes_matches_the_reference()
    {
        // The last-dimension sample transposed: its special blocks (power-of-two max, zeros, NaN) now run down columns.
        var sample = Sample(5, 70, 2);
        var x = new float[70, 5];
        for (int r = 0; r < 70; r++) for (int c = 0; c < 5; c++) x[r, c] = sample[c, r];
        x[10, 4] = float.PositiveInfinity;
        using var t = torch.tensor(x);
        foreach (var element in Elements)
            foreach (int block in new[] { 32, 16, 7 })
                AssertMatches(Reference(x, element, block, 0), RoundTrip(new MXQuantizer(element, block, dim: 0), t),
                    $"{element}, block {block}");
    }

    [TestMethod]
    public void Special_blocks_get_the_specifications_scales()
    {
        var x = Sample(5, 70, 3);
        using var t = torch.tensor(x);
        var q = (MXQuantization)new MXQuantizer("fp8_e4m3").Calibrate(t);
        Assert.AreEqual(3 - 8 + 127, q.ScaleCodes[0], "max 8 = 2^3: scale 2^(3-8)");
        Assert.AreEqual(0, q.ScaleCodes[3 + 1], "a block of zeros: the smallest scale, code 0");
        Assert.AreEqual(MXQuantization.NaNCode, q.ScaleCodes[6 + 1], "a block with a NaN: E8M0's NaN");
        CollectionAssert.AreEqual(new long[] { 5, 3 }, new MXQuantizer("fp8_e4m3").ScaleShape([5, 70]));
        CollectionAssert.AreEqual(new long[] { 3, 70 }, new MXQuantizer("fp8_e4m3", dim: 0).ScaleShape([70, 70]));
    }

    [TestMethod]
    public void Scale_codes_clamp_to_the_e8m0_range()
    {
        using var huge = torch.tensor(new[] { 3e38f, 1f });
        using var tiny = torch.tensor(new[] { 1e-44f, 0f });
        var high = (MXQuantization)new MXQuantizer("int8").Calibrate(huge);
        var low = (MXQuantization)new MXQuantizer("fp4_e2m1").Calibrate(tiny);
        Assert.AreEqual(127 + 127, high.ScaleCodes[0], "2^127 (int8 emax 0)");
        Assert.AreEqual(0, low.ScaleCodes[0], "log2(1e-44) - 2 is below -127");
    }

    private static FaultEntry Entry(IQuantizer q, ISelector? selector, IErrorModel error, bool layerwise = true) =>
        new("mx", InjectionTarget.Activation, ["layer"], [], true, q, layerwise, selector, error);

    private static (float[] Values, List<FaultRecord> Faults) Inject(FaultEntry entry, Tensor input,
        InjectionMode mode = InjectionMode.Faulty, ulong seed = 3)
    {
        using var model = nn.Linear(2, 2);
        using var session = new FaultInjectionSession(model, [], [], new SessionOptions { RecordFaults = true });
        session.BeginTrial(5);
        using var tensor = input.clone();
        using var stream = new Generator(seed);
        TensorInjector.Apply(tensor, entry, mode, session, stream, null, ("layer", "input"));
        return (TensorAssert.Floats(tensor), [.. session.Faults]);
    }

    [TestMethod]
    public void A_flipped_scale_bit_multiplies_or_divides_exactly_its_block_by_the_right_power_of_two()
    {
        var x = Sample(5, 70, 4);
        x[2, 40] = 0.5f;
        using var t = torch.tensor(x);
        foreach (bool layerwise in new[] { true, false })
            foreach (int bit in new[] { 0, 1, 2, 3 })
            {
                var golden = RoundTrip(new MXQuantizer("fp8_e4m3"), t);
                var q = new MXQuantizer("fp8_e4m3", targetPart: "scales");
                int blockRow = 1, blockCol = 0, block = blockRow * 3 + blockCol;  // row 1, columns 0..31
                int code = ((MXQuantization)q.Calibrate(t)).ScaleCodes[block];
                var (faulty, faults) = Inject(
                    Entry(q, new FixPositionSelector([blockRow, blockCol]), new IntFixedBitFlipErrorModel(8, [bit]), layerwise), t);
                int flipped = code ^ (1 << bit);
                double factor = Math.Pow(2, flipped - code);
                string what = $"bit {bit}, layer-wise {layerwise}";
                for (int i = 0; i < faulty.Length; i++)
                {
                    int r = i / 70, c = i % 70;
                    bool inBlock = r == blockRow && c < 32;
                    double expected = inBlock ? golden[i] * factor : layerwise ? golden[i] : x[r, c];
                    if (double.IsNaN(expected)) Assert.IsTrue(float.IsNaN(faulty[i]), what);
                    else Assert.AreEqual(expected, (double)faulty[i], $"{what}: element {i}");
                }
                Assert.HasCount(1, faults, what);
                var f = faults[0];
                Assert.AreEqual("scale", f.Part, what);
                Assert.AreEqual((long)block, f.Index, what);
                Assert.AreEqual("1,0", f.Coordinates, what);
                Assert.AreEqual(1L << bit, f.Bits, what);
                Assert.AreEqual((long?)code, f.OriginalInt, what);
                Assert.AreEqual((long?)flipped, f.FaultyInt, what);
                Assert.AreEqual(Math.Pow(2, code - 127), f.Original, what);
            }
    }

    [TestMethod]
    public void Element_faults_flip_the_stored_element_word_and_are_recorded_as_elements()
    {
        using var t = torch.tensor(new[] { 1f, 2f, 3f, 4f, -4f, 0.5f, 6f, 0f }).reshape(1, 8);
        var q = new MXQuantizer("fp4_e2m1", block: 8);
        // max 6: scale 2^(2-2) = 1; 4 is 0.11.0 (word 6), and bit 1, the exponent's low bit, makes it 0.10.0 = 2.
        var (faulty, faults) = Inject(Entry(q, new FixPositionSelector([0, 3]), new IntFixedBitFlipErrorModel(4, [1])), t);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f, 2f, -4f, 0.5f, 6f, 0f }, faulty);
        Assert.HasCount(1, faults);
        Assert.AreEqual("element", faults[0].Part);
        Assert.AreEqual(3L, faults[0].Index);
        Assert.AreEqual(4.0, faults[0].Original);
        Assert.AreEqual(2.0, faults[0].Faulty);
        Assert.AreEqual(2L, faults[0].Bits);
        // -4 is 1.11.0, stored as the 4-bit two's-complement word -2; its sign bit flips it to 0.11.0 = 4.
        var (sign, _) = Inject(Entry(q, new FixPositionSelector([0, 4]), new IntFixedBitFlipErrorModel(4, [3])), t);
        Assert.AreEqual(4f, sign[4]);
    }

    [TestMethod]
    public void The_same_seed_gives_the_same_faults_in_scales_and_elements()
    {
        var x = Sample(40, 64, 5);
        using var t = torch.tensor(x);
        foreach (var part in new[] { "elements", "scales" })
        {
            var entry = Entry(new MXQuantizer("fp8_e5m2", targetPart: part), new RandomPositionByRateSelector(rate: 0.2),
                new IntRandomBitFlipErrorModel(8));
            var (a, fa) = Inject(entry, t, seed: 9);
            var (b, fb) = Inject(entry, t, seed: 9);
            var (_, fc) = Inject(entry, t, seed: 10);
            CollectionAssert.AreEqual(a.Select(BitConverter.SingleToInt32Bits).ToArray(),
                b.Select(BitConverter.SingleToInt32Bits).ToArray(), part);
            CollectionAssert.AreEqual(fa, fb, part);
            Assert.IsGreaterThan(3, fa.Count, part);
            CollectionAssert.AreNotEqual(fa, fc, part);
            Assert.IsTrue(fa.All(f => f.Part == (part == "scales" ? "scale" : "element")), part);
        }
    }

    [TestMethod]
    public void Bad_arguments_name_the_key()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new MXQuantizer("fp8"));
        Assert.AreEqual("element", e.ParamName);
        StringAssert.Contains(e.Message, "fp8_e4m3, fp8_e5m2");
        Assert.AreEqual("targetPart", Assert.ThrowsExactly<ArgumentException>(() => new MXQuantizer(targetPart: "scale")).ParamName);
        Assert.AreEqual("block", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MXQuantizer(block: 0)).ParamName);
        using var t = torch.zeros(3, 4);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MXQuantizer(dim: 2).Calibrate(t));
    }
}
