using Mrfi.Core.ErrorModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.ErrorModels;

[TestClass]
public sealed class FloatErrorModelTests
{
    private static readonly Generator G = new(5);

    [TestMethod]
    [DataRow("float32", 31)]
    [DataRow("float16", 15)]
    [DataRow("float64", 63)]
    public void Flipping_the_sign_bit_negates(string type, int bit)
    {
        using var x = torch.tensor(new float[] { 1.5f, -2.25f, 0.125f });
        using var y = new FloatFixedBitFlipErrorModel([bit], floattype: type).Apply(x, G);
        TensorAssert.AreEqual([-1.5, 2.25, -0.125], TensorAssert.Doubles(y));
    }

    [TestMethod]
    public void Float16_flips_of_zero_match_mrfi_vector()
    {
        // mrfi.md §2.3: flipping bit i of fp16 0.0 gives 2^-24·2^i for i < 10, 6.1035e-5 for bit 10, 2.0 for bit 14, -0.0 for bit 15.
        using var x = torch.zeros(16, dtype: ScalarType.Float16);
        using var y = new FloatFixedBitFlipErrorModel([.. Enumerable.Range(0, 16).Select(i => (long)i)]).Apply(x, G);
        var got = TensorAssert.Doubles(y);
        for (int i = 0; i < 10; i++) Assert.AreEqual(Math.Pow(2, -24 + i), got[i], 0, $"bit {i}");
        Assert.AreEqual(6.103515625e-5, got[10], 0);
        Assert.AreEqual(2.0, got[14], 0);
        Assert.IsTrue(got[15] == 0 && double.IsNegative(got[15]), "bit 15 gives -0.0");
        Assert.AreEqual(ScalarType.Float16, y.dtype);
    }

    [TestMethod]
    public void Float32_fixed_flips_match_the_ieee_bit_pattern()
    {
        var rng = new Random(3);
        var values = Enumerable.Range(0, 64).Select(_ => (float)(rng.NextDouble() * 20 - 10)).ToArray();
        using var x = torch.tensor(values);
        for (int bit = 0; bit < 32; bit++)
        {
            using var y = new FloatFixedBitFlipErrorModel([bit]).Apply(x, G);
            var got = TensorAssert.Floats(y);
            for (int i = 0; i < values.Length; i++)
            {
                float expected = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(values[i]) ^ (1 << bit));
                // A NaN is a NaN: its payload bits are not kept (the bit arithmetic has no way to build them).
                if (float.IsNaN(expected)) Assert.IsTrue(float.IsNaN(got[i]), $"bit {bit} of {values[i]} gives NaN");
                else Assert.AreEqual(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(got[i]),
                    $"bit {bit} of {values[i]}");
            }
        }
    }

    [TestMethod]
    public void Float32_random_flips_change_exactly_one_bit_and_hit_every_bit()
    {
        using var g = new Generator(9);
        var values = Enumerable.Range(1, 4000).Select(i => i * 0.37f).ToArray();
        using var x = torch.tensor(values);
        using var y = new FloatRandomBitFlipErrorModel().Apply(x, g);
        var got = TensorAssert.Floats(y);
        var bits = new HashSet<int>();
        int nans = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(got[i])) { nans++; continue; }   // an exponent flip to all ones; NaN payloads are not kept
            uint diff = (uint)(BitConverter.SingleToInt32Bits(values[i]) ^ BitConverter.SingleToInt32Bits(got[i]));
            Assert.AreEqual(1, System.Numerics.BitOperations.PopCount(diff));
            bits.Add(System.Numerics.BitOperations.Log2(diff));
        }
        Assert.HasCount(32, bits);
        Assert.IsLessThan(values.Length / 32 + 40, nans, "only top-exponent flips of values ≥ 2 give NaN");
    }

    [TestMethod]
    public void Float16_storage_rounds_float32_data_first()
    {
        // 1/3 is not exact in fp16; flipping the fp16 mantissa LSB of its fp16 rounding is the reference.
        using var x = torch.tensor(new float[] { 1f / 3f });
        using var y = new FloatFixedBitFlipErrorModel([0], floattype: "float16").Apply(x, G);
        Half h = (Half)(1f / 3f);
        Half expected = BitConverter.Int16BitsToHalf((short)(BitConverter.HalfToInt16Bits(h) ^ 1));
        Assert.AreEqual((double)(float)expected, TensorAssert.Doubles(y)[0], 0);
    }

    [TestMethod]
    public void Suppress_invalid_turns_infinities_into_zero()
    {
        // Bit 30 is the top exponent bit: flipping it on 2.0 (exponent 128) gives exponent 0 → tiny; on 1.5 (127) gives 255 → Inf/NaN.
        using var x = torch.tensor(new float[] { 1.5f, 1.0f });
        using var raw = new FloatFixedBitFlipErrorModel([30]).Apply(x, G);
        using var clean = new FloatFixedBitFlipErrorModel([30], suppressInvalid: true).Apply(x, G);
        Assert.IsFalse(float.IsFinite(TensorAssert.Floats(raw)[0]));
        TensorAssert.AreEqual([0, 0], TensorAssert.Doubles(clean));
    }

    [TestMethod]
    public void Unknown_float_type_is_rejected_with_the_valid_names()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new FloatRandomBitFlipErrorModel("float8"));
        StringAssert.Contains(e.Message, "float16, bfloat16, float32, float64");
    }
}
