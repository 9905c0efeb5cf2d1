using Mrfi.Core.Quantizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Quantizers;

[TestClass]
public sealed class SymmetricQuantizerTests
{
    internal static double[] Quantized(IQuantizer quantizer, Tensor x)
    {
        using var q = quantizer.Calibrate(x);
        q.Quantize(x);
        return TensorAssert.Doubles(x);
    }

    [TestMethod]
    public void Quantizes_mrfi_test_vector_to_5_bit_integers()
    {
        // MRFI test_quantization.py: arange(-1, 1, 0.1), b = 5, dynamic_range = 0.5.
        using var x = torch.arange(-1.0, 1.0, 0.1, dtype: ScalarType.Float32);
        double[] expected = [-15, -15, -15, -15, -15, -15, -12, -9, -6, -3, 0, 3, 6, 9, 12, 15, 15, 15, 15, 15];
        TensorAssert.AreEqual(expected, Quantized(new SymmetricQuantizer(5, new DynamicRange(0.5)), x));
    }

    [TestMethod]
    [DataRow(4, -4.0, 4.0)]
    [DataRow(8, -64.0, 64.0)]
    public void Scale_factor_rounds_an_exact_half_to_even_as_mrfi(int bits, double negative, double positive)
    {
        // Measured with the unmodified Python MRFI (704b176, torch 1.13, float32):
        // SymmericQuantization.quantize(tensor([-0.75, 0.75]), bits, 3.0, 0.5) gives [-4, 4] (4 bits) and [-64, 64] (8 bits).
        // Its factor (hi-lo)/(2·1.5) is a double rounded to float32 (4.6666665), so 0.75·factor is exactly 3.5 in float32;
        // a float32 reciprocal times 14 (4.666667) gives 3.5000002 and -3.
        using var x = torch.tensor(new float[] { -0.75f, 0.75f });
        TensorAssert.AreEqual([negative, positive], Quantized(new SymmetricQuantizer(bits, new DynamicRange(3.0), 0.5), x));
    }

    [TestMethod]
    public void Fixed_range_dequantizes_to_mrfi_float32_bits()
    {
        // Measured with the unmodified Python MRFI (704b176, torch 1.13): SymmericQuantization.dequantize of
        // [-15, -7, 1, 3, 15] with b = 5, dynamic_range = 0.3, as float32 bit patterns.
        uint[] mrfi = [0xbe99999a, 0xbe0f5c2a, 0x3ca3d700, 0x3d75c288, 0x3e999998];
        using var x = torch.tensor(new float[] { -15, -7, 1, 3, 15 });
        using var q = new SymmetricQuantizer(5, new DynamicRange(0.3)).Calibrate(x);
        q.Dequantize(x);
        CollectionAssert.AreEqual(mrfi, TensorAssert.Floats(x).Select(BitConverter.SingleToUInt32Bits).ToArray());
    }

    [TestMethod]
    public void Dequantize_returns_the_clamped_input_on_the_grid()
    {
        using var x = torch.arange(-1.0, 1.0, 0.1, dtype: ScalarType.Float32);
        using var clamped = x.clamp(-0.5, 0.5);
        using var q = new SymmetricQuantizer(5, new DynamicRange(0.5)).Calibrate(x);
        q.Quantize(x);
        q.Dequantize(x);
        TensorAssert.AreEqual(TensorAssert.Doubles(clamped), TensorAssert.Doubles(x), 1e-6);
    }

    [TestMethod]
    public void Auto_range_is_the_max_abs_of_the_tensor_times_the_scale_factor()
    {
        using var x = torch.tensor(new float[] { -0.25f, 1.0f, -2.0f, 0.5f });
        using var auto = DynamicRange.Auto.Resolve(x, 1.0);
        using var scaled = new DynamicRange("max").Resolve(x, 0.5);
        Assert.AreEqual(2.0, auto.item<float>(), 1e-7);
        Assert.AreEqual(1.0, scaled.item<float>(), 1e-7);
    }

    [TestMethod]
    public void Auto_range_of_an_all_zero_tensor_gives_zeros_not_nan()
    {
        // MRFI divides by a zero range here and produces NaN (mrfi.md §2.1).
        using var x = torch.zeros(5);
        var q = new SymmetricQuantizer(8, DynamicRange.Auto);
        using var quantization = q.Calibrate(x);
        quantization.Quantize(x);
        quantization.Dequantize(x);
        TensorAssert.AreEqual([0, 0, 0, 0, 0], TensorAssert.Doubles(x));
    }

    [TestMethod]
    public void Eight_bit_auto_quantization_maps_the_extremes_to_plus_minus_127()
    {
        using var x = torch.tensor(new float[] { -2.0f, -1.0f, 0f, 0.01f, 2.0f });
        // Closed form: round(x * 127 / 2), half to even.
        TensorAssert.AreEqual([-127, -64, 0, 1, 127], Quantized(new SymmetricQuantizer(8, DynamicRange.Auto), x));
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(33)]
    // MRFI runs with 1 bit, but its range [-(2^0-1), 2^0-1] is {0}: every value becomes 0 and its dequantize divides by zero.
    public void Rejects_bit_widths_outside_2_to_32(int bits) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SymmetricQuantizer(bits, DynamicRange.Auto));

    [TestMethod]
    public void Rejects_a_non_positive_range() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DynamicRange(0.0));
}
