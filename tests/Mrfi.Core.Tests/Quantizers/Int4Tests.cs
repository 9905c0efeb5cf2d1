using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Quantizers;

/// <summary>4-bit integers (INT4, UINT4) through the symmetric, per-channel and affine quantizers with 4-bit error models:
/// on tensors whose quantized words are the values themselves, so every expected result is the flipped integer.</summary>
[TestClass]
public sealed class Int4Tests
{
    private static float[] Inject(IQuantizer q, Tensor input, long[] position, IErrorModel error)
    {
        using var model = nn.Linear(2, 2);
        using var session = new FaultInjectionSession(model, [], []);
        session.BeginTrial(1);
        using var t = input.clone();
        var entry = new FaultEntry("int4", InjectionTarget.Activation, ["layer"], [], true, q, true, new FixPositionSelector(position),
            error);
        using var stream = new Generator(1);
        TensorInjector.Apply(t, entry, InjectionMode.Faulty, session, stream, null);
        return TensorAssert.Floats(t);
    }

    [TestMethod]
    public void Symmetric_int4_words_are_minus_7_to_7_and_flips_stay_4_bit_words()
    {
        using var x = torch.arange(-7, 8, dtype: ScalarType.Float32);   // range 7: the 4-bit words are the values
        var q = new SymmetricQuantizer(4, DynamicRange.Auto);
        Assert.AreEqual(-5f, Inject(q, x, [10], new IntFixedBitFlipErrorModel(4, [3]))[10], "3 = 0011 → 1011 = -5");
        Assert.AreEqual(2f, Inject(q, x, [10], new IntFixedBitFlipErrorModel(4, [0]))[10], "3 → 2");
        Assert.AreEqual(1f, Inject(q, x, [0], new IntFixedBitFlipErrorModel(4, [3]))[0], "-7 = 1001 → 0001");
        Assert.AreEqual(-8f, Inject(q, x, [0], new IntFixedBitFlipErrorModel(4, [0]))[0],
            "-7 → 1000 = -8, a word outside the symmetric range");
    }

    [TestMethod]
    public void Per_channel_int4_scales_each_channel_by_its_own_range()
    {
        using var x = torch.tensor(new float[] { 7, 3, -7, 14, 6, -14 }).reshape(2, 3);  // channel 1 has twice the range
        var q = new PerChannelSymmetricQuantizer(4, channelDim: 0);
        Assert.AreEqual(-10f, Inject(q, x, [1, 1], new IntFixedBitFlipErrorModel(4, [3]))[4], "6 = 2·3 → 2·(3 ^ 1000 = -5)");
        Assert.AreEqual(-5f, Inject(q, x, [0, 1], new IntFixedBitFlipErrorModel(4, [3]))[1]);
    }

    [TestMethod]
    public void Affine_uint4_words_are_0_to_15_and_their_top_bit_is_read_as_a_sign()
    {
        using var x = torch.arange(0, 16, dtype: ScalarType.Float32);
        var q = new AsymmetricQuantizer(4);
        Assert.AreEqual(4, q.BitWidth);
        // The error models read a 4-bit two's-complement word, also after an unsigned quantizer (as MRFI does): 0101 → 1101 = -3.
        Assert.AreEqual(-3f, Inject(q, x, [5], new IntFixedBitFlipErrorModel(4, [3]))[5]);
        Assert.AreEqual(4f, Inject(q, x, [5], new IntFixedBitFlipErrorModel(4, [0]))[5]);
    }
}
