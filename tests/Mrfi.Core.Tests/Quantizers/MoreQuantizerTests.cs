using Mrfi.Core.Quantizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Quantizers;

[TestClass]
public sealed class MoreQuantizerTests
{
    [TestMethod]
    public void Positive_quantization_matches_mrfi_test_vector()
    {
        // MRFI test_quantization.py: arange(-0.5, 1, 0.1), b = 5, dynamic_range = 0.5 → [0×6, 6, 12, 19, 25, 31×5].
        using var x = torch.arange(-0.5, 1.0, 0.1, dtype: ScalarType.Float32);
        using var q = new PositiveQuantizer(5, new DynamicRange(0.5)).Calibrate(x);
        q.Quantize(x);
        TensorAssert.AreEqual([0, 0, 0, 0, 0, 0, 6, 12, 19, 25, 31, 31, 31, 31, 31], TensorAssert.Doubles(x));
        q.Dequantize(x);
        Assert.AreEqual(0.0967741907, TensorAssert.Doubles(x)[6], 1e-9, "6 · 0.5 / 31 in float32");
    }

    [TestMethod]
    public void Positive_scale_factor_rounds_and_dequantizes_as_mrfi()
    {
        // Measured with the unmodified Python MRFI (704b176, torch 1.13, float32): PositiveQuantization with b = 2,
        // dynamic_range = 0.1, scale_factor = 0.3 quantizes [0.025, 0.075] to [2, 3] (0.025·3/0.03 is exactly 2.5 in its
        // float32 steps) and dequantizes [1, 2, 3] to these float32 bit patterns.
        using var x = torch.tensor(new float[] { 0.025f, 0.075f });
        using var q = new PositiveQuantizer(2, new DynamicRange(0.1), 0.3).Calibrate(x);
        q.Quantize(x);
        TensorAssert.AreEqual([2, 3], TensorAssert.Doubles(x));
        using var levels = torch.tensor(new float[] { 1, 2, 3 });
        q.Dequantize(levels);
        CollectionAssert.AreEqual(new uint[] { 0x3c23d70a, 0x3ca3d70a, 0x3cf5c28f },
            TensorAssert.Floats(levels).Select(BitConverter.SingleToUInt32Bits).ToArray());
    }

    [TestMethod]
    public void Positive_quantization_of_one_bit_gives_zero_or_one_as_mrfi()
    {
        // Measured with the unmodified Python MRFI (704b176, torch 1.13): PositiveQuantization(b = 1, dynamic_range = 0.5)
        // maps [-0.5, 0.2, 0.25, 0.3, 0.5, 0.7] to [0, 0, 0, 1, 1, 1] (0.25 is the half, rounded to even) and back to 0 or 0.5.
        using var x = torch.tensor(new float[] { -0.5f, 0.2f, 0.25f, 0.3f, 0.5f, 0.7f });
        var quantizer = new PositiveQuantizer(1, new DynamicRange(0.5));
        using var q = quantizer.Calibrate(x);
        q.Quantize(x);
        TensorAssert.AreEqual([0, 0, 0, 1, 1, 1], TensorAssert.Doubles(x));
        q.Dequantize(x);
        TensorAssert.AreEqual([0, 0, 0, 0.5, 0.5, 0.5], TensorAssert.Doubles(x));
        Assert.AreEqual(1, quantizer.BitWidth);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(33)]
    public void Positive_quantization_rejects_widths_outside_1_to_32(int bits)
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PositiveQuantizer(bits, DynamicRange.Auto));
        StringAssert.Contains(e.Message, "bit_width must be between 1 and 32");
    }

    [TestMethod]
    public void Per_channel_ranges_quantize_each_row_by_its_own_max()
    {
        using var w = torch.tensor(new float[] { 1, -0.5f, 0.25f, 100, 50, -25 }).reshape(2, 3);
        using var q = new PerChannelSymmetricQuantizer(8).Calibrate(w);
        q.Quantize(w);
        // Closed form per row: round(x · 127 / max|row|).
        TensorAssert.AreEqual([127, -64, 32, 127, 64, -32], TensorAssert.Doubles(w));
    }

    [TestMethod]
    public void Per_channel_selected_values_use_their_own_channel_range()
    {
        using var w = torch.tensor(new float[] { 1, -0.5f, 0.25f, 100, 50, -25 }).reshape(2, 3);
        using var q = new PerChannelSymmetricQuantizer(8).Calibrate(w);
        using var index = torch.tensor(new long[] { 4, 1 });
        using var values = w.reshape(-1).index(index);
        using var at = q.At(index);
        at.Quantize(values);
        TensorAssert.AreEqual([64, -64], TensorAssert.Doubles(values));
        at.Dequantize(values);
        TensorAssert.AreEqual([64 * 100 / 127.0, -64 / 127.0], TensorAssert.Doubles(values), 1e-5);
    }

    [TestMethod]
    public void Asymmetric_unsigned_uses_min_max_with_an_exact_zero()
    {
        using var x = torch.tensor(new float[] { -1, 0, 0.5f, 3 });
        using var q = new AsymmetricQuantizer(8).Calibrate(x);
        using var copy = x.clone();
        q.Quantize(copy);
        // scale = 4/255, zero point = round(1 / scale) = 64: q = round(x / scale) + 64.
        double scale = 4.0 / 255;
        var expected = new[] { -1.0, 0, 0.5, 3 }.Select(v => Math.Clamp(Math.Round(v / scale, MidpointRounding.ToEven) + 64, 0, 255))
            .ToArray();
        TensorAssert.AreEqual(expected, TensorAssert.Doubles(copy));
        q.Dequantize(copy);
        Assert.AreEqual(0.0, TensorAssert.Doubles(copy)[1], 0, "zero is exact");
        TensorAssert.AreEqual([-1, 0, 0.5, 3], TensorAssert.Doubles(copy), scale / 2 + 1e-6);
    }

    [TestMethod]
    public void Asymmetric_signed_uses_the_signed_range()
    {
        using var x = torch.tensor(new float[] { 0, 1, 2 });
        using var q = new AsymmetricQuantizer(8, signed: true).Calibrate(x);
        q.Quantize(x);
        var v = TensorAssert.Doubles(x);
        Assert.AreEqual(-128, v[0]);
        Assert.AreEqual(127, v[2]);
    }
}
