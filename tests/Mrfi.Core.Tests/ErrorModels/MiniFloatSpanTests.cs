using Mrfi.Core.ErrorModels;

namespace Mrfi.Core.Tests.ErrorModels;

/// <summary>The span form of the narrow-format conversion against <see cref="MiniFloat"/>, value by value: every float32
/// exponent with every combination of the sign, the kept mantissa bits, the rounding bit and the sticky bits, every stored
/// value's neighbours and midpoints, and the specials — through the vector loop and its scalar tail.</summary>
[TestClass]
public sealed class MiniFloatSpanTests
{
    private static readonly string[] Names = ["float8_e4m3fn", "float8_e5m2", "float6_e3m2", "float6_e2m3", "float4_e2m1"];

    /// <summary>Float32 patterns of every rounding class: for each sign and exponent, the top m + 2 mantissa bits in every
    /// combination, with the bits below all 0, only the lowest, random or all 1.</summary>
    private static List<float> Cases(FloatFormat f)
    {
        var rng = new Random(21);
        var bits = new List<int>();
        int top = f.MantissaBits + 2, low = 23 - top;
        for (int sign = 0; sign < 2; sign++)
            for (int exponent = 0; exponent < 256; exponent++)
                for (int head = 0; head < 1 << top; head++)
                    foreach (int tail in new[] { 0, 1, rng.Next(1 << low), (1 << low) - 1 })
                        bits.Add((sign << 31) | (exponent << 23) | (head << low) | tail);
        var values = bits.Select(BitConverter.Int32BitsToSingle).ToList();
        // Every stored value, one float32 step either side, and the midpoints between neighbours and one step either side.
        var stored = Enumerable.Range(0, 1 << f.Width).Select(c => MiniFloat.Decode(c, f)).Where(float.IsFinite).Order().ToArray();
        for (int k = 0; k < stored.Length; k++)
        {
            values.AddRange([stored[k], MathF.BitIncrement(stored[k]), MathF.BitDecrement(stored[k])]);
            if (k + 1 < stored.Length)
            {
                float mid = (float)(((double)stored[k] + stored[k + 1]) / 2);
                values.AddRange([mid, MathF.BitIncrement(mid), MathF.BitDecrement(mid)]);
            }
        }
        values.AddRange([float.PositiveInfinity, float.NegativeInfinity, float.NaN, -float.NaN, float.MaxValue, float.Epsilon, -0f]);
        return values;
    }

    private static void AssertSameValue(float expected, float actual, string what)
    {
        Assert.AreEqual(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual),
            $"{what}: {actual:R} where MiniFloat gives {expected:R}");
    }

    [TestMethod]
    [DataRow("float8_e4m3fn")] [DataRow("float8_e5m2")] [DataRow("float6_e3m2")] [DataRow("float6_e2m3")] [DataRow("float4_e2m1")]
    public void Rounding_a_span_equals_MiniFloat_Round_bit_for_bit(string name)
    {
        var f = FloatFormat.Parse(name)!;
        var x = Cases(f);
        x.Add(1.5f);  // a count that is not a multiple of 8: the scalar tail runs too
        var span = new MiniFloatSpan(f);
        var rounded = x.ToArray();
        span.Round(rounded);
        for (int i = 0; i < x.Count; i++)
        {
            string what = $"{name}, x = {x[i]:R} (0x{BitConverter.SingleToInt32Bits(x[i]):X8})";
            float expected = MiniFloat.Round(x[i], f);
            AssertSameValue(expected, rounded[i], what + ", vector");
            AssertSameValue(expected, span.Round(x[i]), what + ", scalar");
        }
        Assert.IsGreaterThan(0, x.Count % 8, "the case list ends in a partial vector");
    }

    [TestMethod]
    [DataRow("float8_e4m3fn")] [DataRow("float8_e5m2")] [DataRow("float6_e3m2")] [DataRow("float6_e2m3")] [DataRow("float4_e2m1")]
    public void The_pattern_of_a_stored_value_equals_MiniFloat_Encode(string name)
    {
        var f = FloatFormat.Parse(name)!;
        var span = new MiniFloatSpan(f);
        int checkedValues = 0;
        foreach (float x in Cases(f).Where(v => !float.IsNaN(v)))
        {
            float stored = MiniFloat.Round(x, f);
            if (float.IsNaN(stored)) continue;
            Assert.AreEqual(MiniFloat.Encode(x, f), span.Pattern(stored), $"{name}: pattern of {stored:R} (from {x:R})");
            checkedValues++;
        }
        Assert.IsGreaterThan(10_000, checkedValues);
    }

    [TestMethod]
    [DataRow("float8_e4m3fn")] [DataRow("float8_e5m2")] [DataRow("float6_e3m2")] [DataRow("float6_e2m3")] [DataRow("float4_e2m1")]
    public void Words_are_the_saturated_patterns_as_signed_integers(string name)
    {
        var f = FloatFormat.Parse(name)!;
        var x = Cases(f).Where(v => !float.IsNaN(v)).Append(-3f).ToArray();
        var words = x.ToArray();
        new MiniFloatSpan(f).Words(words);
        float max = (float)MiniFloat.MaxNormal(f);
        for (int i = 0; i < x.Length; i++)
        {
            long pattern = MiniFloat.Encode(Math.Clamp(x[i], -max, max), f);
            long expected = pattern >= 1L << (f.Width - 1) ? pattern - (1L << f.Width) : pattern;
            Assert.AreEqual((float)expected, words[i], $"{name}: word of {x[i]:R}");
        }
        Assert.IsGreaterThan(0, x.Length % 8, "the scalar tail runs too");
    }

    [TestMethod]
    [DataRow("float8_e4m3fn")] [DataRow("float8_e5m2")] [DataRow("float6_e3m2")] [DataRow("float6_e2m3")] [DataRow("float4_e2m1")]
    public void Values_decode_the_low_bits_of_every_word_as_MiniFloat_Decode(string name)
    {
        var f = FloatFormat.Parse(name)!;
        long mask = (1L << f.Width) - 1;
        // Every pattern as a signed word, shifted by ±2^w, with fractions, and words beyond int range or NaN (scalar path).
        var words = Enumerable.Range(-(1 << f.Width), 3 << f.Width).Select(w => (float)w)
            .Concat([0.5f, -0.5f, 3.75f, -3.75f, 3e9f, -3e9f, float.NaN, 1e20f])
            .Concat(Enumerable.Range(0, 5).Select(k => k + 0.25f)).ToArray();
        var values = words.ToArray();
        new MiniFloatSpan(f).Values(values, 0.5f);
        for (int i = 0; i < words.Length; i++)
            AssertSameValue(MiniFloat.Decode((long)words[i] & mask, f) * 0.5f, values[i], $"{name}: word {words[i]:R}");
    }

    [TestMethod]
    public void A_NaN_keeps_its_sign_where_the_format_has_NaN_and_is_zero_where_it_has_none()
    {
        float positive = BitConverter.Int32BitsToSingle(0x7FC00001), negative = BitConverter.Int32BitsToSingle(unchecked((int)0xFFC00001));
        foreach (string name in Names)
        {
            var f = FloatFormat.Parse(name)!;
            var span = new MiniFloatSpan(f);
            float[] x = [positive, negative, positive, negative, positive, negative, positive, negative, negative];
            span.Round(x);
            bool hasNaN = f.Specials != FloatSpecials.Finite;
            for (int i = 0; i < x.Length; i++)
                Assert.AreEqual(hasNaN ? (i % 2 == 0 && i < 8 ? 0x7FC00000 : unchecked((int)0xFFC00000)) : 0,
                    BitConverter.SingleToInt32Bits(x[i]), $"{name}, value {i}");
            Assert.AreEqual(hasNaN ? 1L << (f.Width - 1) : 0, MiniFloat.Encode(negative, f) & (1L << (f.Width - 1)), $"{name}: sign");
        }
    }

    [TestMethod]
    public void Only_narrow_formats_have_a_span_form()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new MiniFloatSpan(FloatFormat.Parse("float16")!));
    }
}
