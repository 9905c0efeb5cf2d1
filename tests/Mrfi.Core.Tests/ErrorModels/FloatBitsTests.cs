using Mrfi.Core.ErrorModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.ErrorModels;

/// <summary>The arithmetic bit patterns against .NET's own IEEE-754 reinterpretation (BitConverter).</summary>
[TestClass]
public sealed class FloatBitsTests
{
    private static FloatFormat Format(string name) => FloatFormat.Parse(name)!;

    private static readonly double[] Specials =
    [
        0.0, -0.0, 1.0, -1.0, 0.1, -3.75, 65504, 6.103515625e-5, 5.960464477539063e-8, 1e-40, -1e-45, 3.4028234663852886e38,
        1e-310, -4.9e-324, 1.7976931348623157e308, double.PositiveInfinity, double.NegativeInfinity, 2.5e-300, 123456.789,
    ];

    private static IEnumerable<double> Samples()
    {
        var rng = new Random(12);
        foreach (var s in Specials) yield return s;
        for (int i = 0; i < 300; i++) yield return (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-12, 12));
    }

    [TestMethod]
    public void Float32_patterns_match_bitconverter()
    {
        var values = Samples().Select(v => (float)v).ToArray();
        using var x = torch.tensor(values);
        using var bits = FloatBits.ToBits(x, Format("float32"));
        var got = TensorAssert.Longs(bits);
        for (int i = 0; i < values.Length; i++)
            Assert.AreEqual((long)(uint)BitConverter.SingleToInt32Bits(values[i]), got[i], $"{values[i]:R}");
        using var back = FloatBits.FromBits(bits, Format("float32"), ScalarType.Float32);
        CollectionAssert.AreEqual(values.Select(BitConverter.SingleToInt32Bits).ToArray(),
            TensorAssert.Floats(back).Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    [TestMethod]
    public void Managed_float32_path_gives_the_same_flips_as_the_arithmetic_path()
    {
        // Modify takes a managed shortcut for float32 on the CPU; it must agree with ToBits → change → FromBits bit for bit.
        var values = Samples().Select(v => (float)v).Append(float.NaN).Append(-float.NaN).ToArray();
        using var x = torch.tensor(values).reshape(3, -1);
        var f = Format("float32");
        var rng = new Random(3);
        var masks = values.Select(_ => 1L << rng.Next(0, 32)).ToArray();
        Tensor Flip(Tensor bits, FloatFormat _) => bits.bitwise_xor(torch.tensor(masks).reshape(bits.shape));
        using var managed = FloatBits.Modify(x, null, false, Flip);
        using var bits = FloatBits.ToBits(x, f);
        using var flipped = Flip(bits, f);
        using var arithmetic = FloatBits.FromBits(flipped, f, ScalarType.Float32);
        CollectionAssert.AreEqual(arithmetic.shape, managed.shape);
        var a = TensorAssert.Floats(arithmetic);
        var m = TensorAssert.Floats(managed);
        for (int i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(a[i])) Assert.IsTrue(float.IsNaN(m[i]), $"{values[i]:R} ^ {masks[i]:X}");
            else Assert.AreEqual(BitConverter.SingleToInt32Bits(a[i]), BitConverter.SingleToInt32Bits(m[i]),
                $"{values[i]:R} ^ {masks[i]:X}");
        }
        using var suppressed = FloatBits.Modify(x, null, true, Flip);
        Assert.IsFalse(TensorAssert.Floats(suppressed).Any(v => !float.IsFinite(v)), "suppress_invalid still applies");
    }

    [TestMethod]
    public void Float64_patterns_match_bitconverter()
    {
        var values = Samples().ToArray();
        using var x = torch.tensor(values);
        using var bits = FloatBits.ToBits(x, Format("float64"));
        var got = TensorAssert.Longs(bits);
        for (int i = 0; i < values.Length; i++)
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(values[i]), got[i], $"{values[i]:R}");
        using var back = FloatBits.FromBits(bits, Format("float64"), ScalarType.Float64);
        CollectionAssert.AreEqual(values.Select(BitConverter.DoubleToInt64Bits).ToArray(),
            TensorAssert.Doubles(back).Select(BitConverter.DoubleToInt64Bits).ToArray());
    }

    [TestMethod]
    public void Float16_patterns_match_bitconverter()
    {
        var halves = Samples().Select(v => (Half)v).ToArray();
        using var x = torch.tensor(halves.Select(h => (float)h).ToArray());
        using var bits = FloatBits.ToBits(x, Format("float16"));
        var got = TensorAssert.Longs(bits);
        for (int i = 0; i < halves.Length; i++)
            Assert.AreEqual((long)(ushort)BitConverter.HalfToInt16Bits(halves[i]), got[i], $"{halves[i]}");
    }

    [TestMethod]
    public void Bfloat16_patterns_are_the_top_16_bits_of_float32()
    {
        // Values exactly representable in bfloat16 (low 16 bits of the float32 pattern zero): bf16 bits = float32 bits >> 16.
        var rng = new Random(4);
        var values = Enumerable.Range(0, 200).Select(_ => BitConverter.Int32BitsToSingle(rng.Next() & unchecked((int)0xFFFF0000)))
            .Where(float.IsFinite).Append(0f).Append(-0f).Append(float.PositiveInfinity).ToArray();
        using var x = torch.tensor(values);
        using var bits = FloatBits.ToBits(x, Format("bfloat16"));
        var got = TensorAssert.Longs(bits);
        for (int i = 0; i < values.Length; i++)
            Assert.AreEqual((long)((uint)BitConverter.SingleToInt32Bits(values[i]) >> 16), got[i], $"{values[i]:R}");
        using var back = FloatBits.FromBits(bits, Format("bfloat16"), ScalarType.Float32);
        CollectionAssert.AreEqual(values.Select(BitConverter.SingleToInt32Bits).ToArray(),
            TensorAssert.Floats(back).Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    [TestMethod]
    public void Nan_becomes_the_quiet_nan_with_its_sign()
    {
        float positive = BitConverter.Int32BitsToSingle(0x7FC00001);
        using var x = torch.tensor(new[] { float.NaN, positive });
        using var bits = FloatBits.ToBits(x, Format("float32"));
        // .NET's float.NaN is the negative quiet NaN 0xFFC00000; payloads are not kept.
        CollectionAssert.AreEqual(new[] { 0xFFC00000L, 0x7FC00000L }, TensorAssert.Longs(bits));
    }
}
