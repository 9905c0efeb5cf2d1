using System.Numerics;
using Mrfi.Core.ErrorModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.ErrorModels;

[TestClass]
public sealed class BitUpsetTests
{
    private static float[] Values(int n) => [.. Enumerable.Range(1, n).Select(i => i * 0.731f - 40)];

    private static uint[] Diff(float[] a, float[] b) =>
        [.. a.Zip(b, (x, y) => (uint)(BitConverter.SingleToInt32Bits(x) ^ BitConverter.SingleToInt32Bits(y)))];

    [TestMethod]
    [DataRow(2)]
    [DataRow(3)]
    public void Float_multi_bit_flip_changes_exactly_k_distinct_bits(int k)
    {
        using var g = new Generator(1);
        var values = Values(2000);
        using var x = torch.tensor(values);
        using var y = new FloatMultiBitFlipErrorModel(k).Apply(x, g);
        var diffs = Diff(values, TensorAssert.Floats(y));
        Assert.IsTrue(diffs.All(d => BitOperations.PopCount(d) == k));
        Assert.HasCount(32, diffs.SelectMany(d => Enumerable.Range(0, 32).Where(b => (d >> b & 1) == 1)).Distinct().ToList(),
            "every bit can be hit");
    }

    [TestMethod]
    public void Float_burst_flips_k_adjacent_bits()
    {
        using var g = new Generator(2);
        var values = Values(2000);
        using var x = torch.tensor(values);
        using var y = new FloatBurstBitFlipErrorModel(3).Apply(x, g);
        foreach (var d in Diff(values, TensorAssert.Floats(y)))
        {
            Assert.AreEqual(3, BitOperations.PopCount(d));
            int low = BitOperations.TrailingZeroCount(d);
            Assert.AreEqual(7u << low, d, "three adjacent bits");
        }
    }

    [TestMethod]
    public void Float_stuck_at_sets_or_clears_one_bit()
    {
        using var g = new Generator(3);
        var values = Values(100);
        using var x = torch.tensor(values);
        using var one = new FloatStuckAtErrorModel(bit: 31, value: 1).Apply(x, g);
        using var zero = new FloatStuckAtErrorModel(bit: 31, value: 0).Apply(x, g);
        CollectionAssert.AreEqual(values.Select(v => -Math.Abs(v)).ToArray(), TensorAssert.Floats(one));
        CollectionAssert.AreEqual(values.Select(Math.Abs).ToArray(), TensorAssert.Floats(zero));
    }

    [TestMethod]
    public void Bfloat16_sign_flip_negates_and_mantissa_flip_matches_the_pattern()
    {
        using var g = new Generator(3);
        using var x = torch.tensor(new float[] { 1.0f, -2.5f });
        using var sign = new FloatFixedBitFlipErrorModel([15], floattype: "bfloat16").Apply(x, g);
        TensorAssert.AreEqual([-1.0, 2.5], TensorAssert.Doubles(sign));
        using var lsb = new FloatFixedBitFlipErrorModel([0], floattype: "bfloat16").Apply(x, g);
        // bfloat16 1.0 = 0x3F80; flipping bit 0 gives 0x3F81 = 1 + 2^-7.
        Assert.AreEqual(1 + Math.Pow(2, -7), TensorAssert.Doubles(lsb)[0], 0);
    }

    [TestMethod]
    public void Int_multi_bit_flip_changes_exactly_k_of_b_bits_and_stays_in_range()
    {
        using var g = new Generator(4);
        var input = Enumerable.Range(-128, 256).Select(v => (float)v).ToArray();
        using var x = torch.tensor(input);
        using var y = new IntMultiBitFlipErrorModel(8, bits: 3).Apply(x, g);
        var output = TensorAssert.Doubles(y);
        for (int i = 0; i < input.Length; i++)
        {
            int a = (int)input[i], b = (int)output[i];
            Assert.IsTrue(b is >= -128 and < 128, $"{a} -> {b}");
            Assert.AreEqual(3, BitOperations.PopCount((uint)((a ^ b) & 0xFF)), $"{a} -> {b}");
        }
    }

    [TestMethod]
    public void Int_burst_flips_adjacent_bits_within_the_word()
    {
        using var g = new Generator(5);
        using var x = torch.zeros(500);
        using var y = new IntBurstBitFlipErrorModel(8, bits: 4).Apply(x, g);
        var seen = new HashSet<int>();
        foreach (var v in TensorAssert.Doubles(y))
        {
            int pattern = (int)v & 0xFF;
            int low = BitOperations.TrailingZeroCount(pattern);
            Assert.AreEqual(15 << low, pattern);
            seen.Add(low);
        }
        CollectionAssert.AreEquivalent(new[] { 0, 1, 2, 3, 4 }, seen.ToArray(), "starts 0..b-k");
    }

    [TestMethod]
    public void Int_stuck_at_on_the_sign_bit_is_sign_extended()
    {
        using var g = new Generator(6);
        using var x = torch.tensor(new float[] { 5, -5, 127, -128 });
        using var one = new IntStuckAtErrorModel(8, bit: 7, value: 1).Apply(x, g);
        using var zero = new IntStuckAtErrorModel(8, bit: 7, value: 0).Apply(x, g);
        TensorAssert.AreEqual([5 - 128, -5, -1, -128], TensorAssert.Doubles(one));
        TensorAssert.AreEqual([5, -5 + 128, 127, 0], TensorAssert.Doubles(zero));
        using var low = new IntStuckAtErrorModel(8, bit: 0, value: 1).Apply(x, g);
        TensorAssert.AreEqual([5, -5, 127, -127], TensorAssert.Doubles(low));
    }

    [TestMethod]
    public void Int_fixed_bit_flip_matches_mrfi_vector()
    {
        // MRFI test_error_mode.py: ones(8) with bits 0..7 at b = 8 → [0, 3, 5, 9, 17, 33, 65, -127].
        using var x = torch.ones(8);
        using var y = new IntFixedBitFlipErrorModel(8, [0, 1, 2, 3, 4, 5, 6, 7]).Apply(x, new Generator(0));
        TensorAssert.AreEqual([0, 3, 5, 9, 17, 33, 65, -127], TensorAssert.Doubles(y));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new IntFixedBitFlipErrorModel(8, [8]));
    }

    [TestMethod]
    public void Too_many_bits_for_the_word_are_rejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new IntMultiBitFlipErrorModel(8, bits: 9));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new FloatBurstBitFlipErrorModel(17, floattype: "float16"));
    }
}
