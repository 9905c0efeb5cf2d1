using Mrfi.Core.Quantizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Quantizers;

[TestClass]
public sealed class FixPointQuantizerTests
{
    [TestMethod]
    public void Quantizes_mrfi_test_vector_with_3_integer_and_4_decimal_bits()
    {
        // MRFI test_quantization.py: FixPoint(3, 4) on arange(-0.5, 3, 0.5).
        using var x = torch.arange(-0.5, 3.0, 0.5, dtype: ScalarType.Float32);
        TensorAssert.AreEqual([-8, 0, 8, 16, 24, 32, 40], SymmetricQuantizerTests.Quantized(new FixPointQuantizer(3, 4), x));
    }

    [TestMethod]
    public void Dequantizes_to_multiples_of_8_over_127()
    {
        using var x = torch.tensor(new float[] { 0.5f });
        using var q = new FixPointQuantizer(3, 4).Calibrate(x);
        q.Quantize(x);
        Assert.AreEqual(8.0, x.item<float>());
        q.Dequantize(x);
        // Not a binary fixed point: the scale is (2^7 - 1) / 2^3, so 8 maps back to 8·8/127.
        Assert.AreEqual(0.503937, x.item<float>(), 1e-6);
        Assert.AreEqual(8 * 8 / 127.0, x.item<float>(), 1e-6);
    }

    [TestMethod]
    public void Clamps_to_plus_minus_2_to_the_total_bits_minus_1()
    {
        using var x = torch.tensor(new float[] { -100f, 100f });
        var quantizer = new FixPointQuantizer(3, 12);
        TensorAssert.AreEqual([-32767, 32767], SymmetricQuantizerTests.Quantized(quantizer, x));
        Assert.AreEqual(16, quantizer.BitWidth);
    }
}
