using Mrfi.Core.ErrorModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.ErrorModels;

[TestClass]
public sealed class IntErrorModelTests
{
    private static readonly Generator G = new(5);

    [TestMethod]
    public void Sign_flip_of_int8_matches_mrfi_vectors()
    {
        // MRFI test_error_mode.py: [1,2,3] with b=8 -> [-127,-126,-125]; -1 -> 127.
        using var x = torch.tensor(new float[] { 1, 2, 3, -1, 0, -128, 127 });
        using var y = new IntSignBitFlipErrorModel(8).Apply(x, G);
        TensorAssert.AreEqual([-127, -126, -125, 127, -128, 0, -1], TensorAssert.Doubles(y));
        Assert.AreEqual(ScalarType.Float32, y.dtype);
    }

    [TestMethod]
    public void One_bit_flips_match_mrfi_sign_extension()
    {
        // Measured with the unmodified Python MRFI (704b176, torch 1.13): with bit_width 1, IntSignBitFlip,
        // IntRandomBitFlip and IntFixedBitFlip(bit 0) all turn [0, 1] into [-1, -2]: the only bit is the sign bit,
        // flipped with MRFI's negative mask. This is what a 1-bit PositiveQuantization entry gets.
        IErrorModel[] models = [new IntSignBitFlipErrorModel(1), new IntRandomBitFlipErrorModel(1), new IntFixedBitFlipErrorModel(1, [0])];
        foreach (var model in models)
        {
            using var x = torch.tensor(new float[] { 0, 1 });
            using var y = model.Apply(x, G);
            TensorAssert.AreEqual([-1, -2], TensorAssert.Doubles(y));
        }
    }

    [TestMethod]
    public void Top_bit_flip_of_positive_quantized_values_sign_extends_as_mrfi()
    {
        // Measured with the unmodified Python MRFI (704b176, torch 1.13): IntFixedBitFlip(tensor([5, 200]), 8, 7) gives
        // [-123, -184]: values of PositiveQuantization (0..255) are flipped as 8-bit two's-complement integers too.
        using var x = torch.tensor(new float[] { 5, 200 });
        using var y = new IntFixedBitFlipErrorModel(8, [7]).Apply(x, G);
        TensorAssert.AreEqual([-123, -184], TensorAssert.Doubles(y));
    }

    [TestMethod]
    public void One_bit_random_values_are_zero_or_one_and_signed_needs_two_bits()
    {
        using var g = new Generator(3);
        using var x = torch.zeros(200);
        using var y = new IntRandomBitErrorModel(1).Apply(x, g);
        CollectionAssert.AreEquivalent(new double[] { 0, 1 }, TensorAssert.Doubles(y).Distinct().ToArray());
        // MRFI asserts bit_width > 1 for signed values.
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new IntRandomBitErrorModel(1, signed: true));
        StringAssert.Contains(e.Message, "between 2 and 32 when signed");
    }

    [TestMethod]
    public void Sign_flip_of_int16_moves_by_2_to_the_15()
    {
        using var x = torch.tensor(new float[] { 1000, -1000, 32767 });
        using var y = new IntSignBitFlipErrorModel(16).Apply(x, G);
        TensorAssert.AreEqual([1000 - 32768, -1000 + 32768, -1], TensorAssert.Doubles(y));
    }

    [TestMethod]
    public void Sign_flip_does_not_modify_its_input()
    {
        using var x = torch.tensor(new float[] { 1, 2, 3 });
        using var y = new IntSignBitFlipErrorModel(8).Apply(x, G);
        TensorAssert.AreEqual([1, 2, 3], TensorAssert.Doubles(x));
    }

    [TestMethod]
    public void Random_bit_flip_changes_exactly_one_of_b_bits_and_stays_in_range()
    {
        const int bits = 8;
        using var g = new Generator(11);
        var input = Enumerable.Range(-128, 256).Select(v => (float)v).ToArray();
        using var x = torch.tensor(input);
        using var y = new IntRandomBitFlipErrorModel(bits).Apply(x, g);
        var output = TensorAssert.Doubles(y);
        var seen = new HashSet<int>();
        for (int i = 0; i < input.Length; i++)
        {
            int a = (int)input[i], b = (int)output[i];
            Assert.IsTrue(b is >= -128 and < 128, $"{a} -> {b} left the int8 range");
            int diff = (a ^ b) & 0xFF;   // the flip seen in the 8-bit two's complement pattern
            Assert.AreEqual(1, System.Numerics.BitOperations.PopCount((uint)diff),
                $"{a} -> {b} flipped {System.Numerics.BitOperations.PopCount((uint)diff)} bits");
            seen.Add(System.Numerics.BitOperations.Log2((uint)diff));
        }
        Assert.HasCount(bits, seen, "all 8 bit positions occur over 256 values");
    }

    [TestMethod]
    public void Values_are_truncated_toward_zero_before_the_flip()
    {
        using var x = torch.tensor(new float[] { 2.9f, -2.9f });
        using var y = new IntSignBitFlipErrorModel(8).Apply(x, G);
        TensorAssert.AreEqual([2 - 128, -2 + 128], TensorAssert.Doubles(y));
    }

    [TestMethod]
    public void Set_zero_zeroes_the_values()
    {
        using var x = torch.tensor(new float[] { 1.5f, -2f });
        using var y = new SetZeroErrorModel().Apply(x, G);
        TensorAssert.AreEqual([0, 0], TensorAssert.Doubles(y));
    }
}
