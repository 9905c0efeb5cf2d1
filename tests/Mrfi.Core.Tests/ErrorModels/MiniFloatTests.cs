using Mrfi.Core.ErrorModels;
using TorchSharp;

namespace Mrfi.Core.Tests.ErrorModels;

/// <summary>The narrow float formats (OCP FP8 E4M3/E5M2, MX FP6/FP4) against a decoding formula written here, the values
/// of the OCP specifications' tables, and round-to-nearest-even at ties, overflow, subnormals and NaN.</summary>
[TestClass]
public sealed class MiniFloatTests
{
    private static FloatFormat F(string name) => FloatFormat.Parse(name)!;

    private static readonly string[] Names = ["float8_e4m3fn", "float8_e5m2", "float6_e3m2", "float6_e2m3", "float4_e2m1"];

    /// <summary>(-1)^s · 2^(e-bias) · (1 + m/2^M), subnormal 2^(1-bias) · m/2^M, with each format's specials spelled out.</summary>
    internal static double Reference(int code, int e, int m)
    {
        int bias = (1 << (e - 1)) - 1;
        int s = (code >> (e + m)) & 1, exponent = (code >> m) & ((1 << e) - 1), mantissa = code & ((1 << m) - 1);
        double v;
        if (e == 5 && m == 2 && exponent == 31) v = mantissa == 0 ? double.PositiveInfinity : double.NaN;
        else if (e == 4 && m == 3 && exponent == 15 && mantissa == 7) v = double.NaN;
        else if (exponent == 0) v = Math.Pow(2, 1 - bias) * (mantissa / Math.Pow(2, m));
        else v = Math.Pow(2, exponent - bias) * (1 + mantissa / Math.Pow(2, m));
        return s == 1 ? -v : v;
    }

    [TestMethod]
    [DataRow("float8_e4m3fn", 4, 3)] [DataRow("float8_e5m2", 5, 2)] [DataRow("float6_e3m2", 3, 2)] [DataRow("float6_e2m3", 2,
        3)] [DataRow("float4_e2m1", 2, 1)]
    public void Every_pattern_decodes_as_the_formula_and_encodes_back(string name, int e, int m)
    {
        var f = F(name);
        Assert.AreEqual(1 + e + m, f.Width);
        for (int code = 0; code < 1 << f.Width; code++)
        {
            double expected = Reference(code, e, m);
            float got = MiniFloat.Decode(code, f);
            if (double.IsNaN(expected)) { Assert.IsTrue(float.IsNaN(got), $"{name} {code:X2}"); continue; }
            Assert.AreEqual(expected, (double)got, $"{name} {code:X2}");
            Assert.AreEqual(double.IsNegative(expected), float.IsNegative(got), $"{name} {code:X2} sign");
            Assert.AreEqual(code, MiniFloat.Encode(got, f), $"{name} {code:X2} round trip");
        }
    }

    [TestMethod]
    [DataRow("float8_e4m3fn", 448.0, 0.015625, 0.001953125)]  // OCP FP8: 1.75·2^8, 2^-6, 2^-9
    [DataRow("float8_e5m2", 57344.0, 6.103515625e-05, 1.52587890625e-05)]  // 1.75·2^15, 2^-14, 2^-16
    [DataRow("float6_e3m2", 28.0, 0.25, 0.0625)]  // OCP MX: 1.75·2^4, 2^-2, 2^-4
    [DataRow("float6_e2m3", 7.5, 1.0, 0.125)]  // 1.875·2^2, 2^0, 2^-3
    [DataRow("float4_e2m1", 6.0, 1.0, 0.5)]  // 1.5·2^2, 2^0, 2^-1
    public void Max_normal_min_normal_and_min_subnormal_are_the_specifications(string name, double max, double minNormal,
        double minSubnormal)
    {
        var f = F(name);
        var finite = Enumerable.Range(0, 1 << f.Width).Select(c => (double)MiniFloat.Decode(c, f)).Where(double.IsFinite).ToArray();
        Assert.AreEqual(max, finite.Max(), name);
        Assert.AreEqual(max, MiniFloat.MaxNormal(f), name);
        Assert.AreEqual(minSubnormal, finite.Where(v => v > 0).Min(), name);
        int minNormalCode = 1 << f.MantissaBits;
        Assert.AreEqual(minNormal, (double)MiniFloat.Decode(minNormalCode, f), name);
    }

    [TestMethod]
    public void Ties_round_to_the_even_pattern_and_anything_off_a_tie_to_the_nearest()
    {
        foreach (var name in Names)
        {
            var f = F(name);
            var positive = Enumerable.Range(0, 1 << (f.Width - 1)).Select(c => (Code: c, Value: (double)MiniFloat.Decode(c, f)))
                .Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Value).ToArray();
            for (int i = 0; i + 1 < positive.Length; i++)
            {
                var (lo, hi) = (positive[i], positive[i + 1]);
                float mid = (float)((lo.Value + hi.Value) / 2);
                Assert.AreEqual((lo.Value + hi.Value) / 2, (double)mid, "midpoints are exact in float32");
                int even = (lo.Code & 1) == 0 ? lo.Code : hi.Code;
                Assert.AreEqual(even, MiniFloat.Encode(mid, f), $"{name} tie {mid}");
                Assert.AreEqual(even | (1 << (f.Width - 1)), MiniFloat.Encode(-mid, f), $"{name} tie -{mid}");
                Assert.AreEqual(lo.Code, MiniFloat.Encode(MathF.BitDecrement(mid), f), $"{name} below {mid}");
                Assert.AreEqual(hi.Code, MiniFloat.Encode(MathF.BitIncrement(mid), f), $"{name} above {mid}");
            }
        }
    }

    [TestMethod]
    public void Overflow_saturates_except_in_e5m2_which_rounds_to_infinity()
    {
        var e4 = F("float8_e4m3fn");
        Assert.AreEqual(448f, MiniFloat.Round(1e6f, e4));
        Assert.AreEqual(448f, MiniFloat.Round(464f, e4));       // halfway to 480, which is the NaN pattern's place
        Assert.AreEqual(448f, MiniFloat.Round(float.PositiveInfinity, e4));
        Assert.AreEqual(-448f, MiniFloat.Round(float.NegativeInfinity, e4));
        var e5 = F("float8_e5m2");
        Assert.AreEqual(57344f, MiniFloat.Round(61439f, e5));
        Assert.AreEqual(float.PositiveInfinity, MiniFloat.Round(61440f, e5));  // the tie goes to the even pattern: 0x7C is Inf
        Assert.AreEqual(float.NegativeInfinity, MiniFloat.Round(-1e6f, e5));
        Assert.AreEqual(0x7CL, MiniFloat.Encode(float.PositiveInfinity, e5));
        Assert.AreEqual(28f, MiniFloat.Round(1e9f, F("float6_e3m2")));
        Assert.AreEqual(-7.5f, MiniFloat.Round(-8f, F("float6_e2m3")));
        Assert.AreEqual(6f, MiniFloat.Round(float.PositiveInfinity, F("float4_e2m1")));
        Assert.AreEqual(4f, MiniFloat.Round(5f, F("float4_e2m1")));   // the tie between 4 (…0) and 6 (…1)
    }

    [TestMethod]
    public void Values_below_half_the_smallest_subnormal_flush_to_a_signed_zero()
    {
        foreach (var name in Names)
        {
            var f = F(name);
            float tiny = (float)Math.Pow(2, 1 - f.Bias - f.MantissaBits);
            Assert.AreEqual(0L, MiniFloat.Encode(tiny / 2, f), $"{name}: the tie goes to 0 (even)");
            Assert.AreEqual(1L << (f.Width - 1), MiniFloat.Encode(-tiny / 2, f), $"{name}: -0");
            Assert.AreEqual(1L, MiniFloat.Encode(MathF.BitIncrement(tiny / 2), f), name);
            Assert.AreEqual(3L, MiniFloat.Encode(tiny * 3, f), $"{name}: subnormal 3");
        }
    }

    [TestMethod]
    public void Nan_becomes_each_formats_nan_pattern_or_zero_where_there_is_none()
    {
        Assert.AreEqual(0x7FL, MiniFloat.Encode(float.NaN, F("float8_e4m3fn")) & 0x7F);
        Assert.AreEqual(0xFFL, MiniFloat.Encode(-float.NaN, F("float8_e4m3fn")));
        Assert.AreEqual(0x7EL, MiniFloat.Encode(BitConverter.Int32BitsToSingle(0x7FC00000), F("float8_e5m2")));
        foreach (var name in new[] { "float6_e3m2", "float6_e2m3", "float4_e2m1" })
            Assert.AreEqual(0L, MiniFloat.Encode(float.NaN, F(name)), name);
    }

    [TestMethod]
    public void Bit_flips_change_the_stored_pattern()
    {
        // 1.0 in E4M3 is 0.0111.000; flipping exponent bit 6 gives 0.1111.000 = 256, bit 0 of 448 (0.1111.110) gives NaN.
        using var values = torch.tensor(new[] { 1f, 448f, 1f, 1.1f });
        using var e4 = new FloatFixedBitFlipErrorModel([6, 0, 7, 0], "float8_e4m3fn").Apply(values, new torch.Generator(1));
        var got = TensorAssert.Floats(e4);
        Assert.AreEqual(256f, got[0]);
        Assert.IsTrue(float.IsNaN(got[1]));
        Assert.AreEqual(-1f, got[2]);
        Assert.AreEqual(1f, got[3], "1.1 is stored as 1.125 (0.0111.001), whose bit 0 flips it to 0.0111.000");
        // E5M2: 1.0 is 0.01111.00; bit 6 gives 0.11111.00 = +Inf, which suppress_invalid turns into 0.
        using var one = torch.tensor(new[] { 1f });
        using var inf = new FloatFixedBitFlipErrorModel([6], "float8_e5m2").Apply(one, new torch.Generator(1));
        Assert.AreEqual(float.PositiveInfinity, TensorAssert.Floats(inf)[0]);
        using var zero = new FloatFixedBitFlipErrorModel([6], "float8_e5m2", suppressInvalid: true).Apply(one, new torch.Generator(1));
        Assert.AreEqual(0f, TensorAssert.Floats(zero)[0]);
        // FP4: 6 is 0.11.1; bit 2 gives 0.01.1 = 1.5.
        using var six = torch.tensor(new[] { 6f });
        using var fp4 = new FloatFixedBitFlipErrorModel([2], "fp4_e2m1").Apply(six, new torch.Generator(1));
        Assert.AreEqual(1.5f, TensorAssert.Floats(fp4)[0]);
    }

    [TestMethod]
    public void Random_flips_stay_within_the_formats_width()
    {
        var f = F("float6_e2m3");
        using var values = torch.full(4000, 1.0f);
        using var flipped = new FloatRandomBitFlipErrorModel("float6_e2m3").Apply(values, new torch.Generator(5));
        var seen = TensorAssert.Floats(flipped).Select(v => MiniFloat.Encode(v, f) ^ MiniFloat.Encode(1f, f)).Distinct().Order().ToArray();
        CollectionAssert.AreEqual(new long[] { 1, 2, 4, 8, 16, 32 }, seen);
        Assert.AreEqual(6, new FloatRandomBitFlipErrorModel("float6_e2m3").BitWidth);
    }
}
