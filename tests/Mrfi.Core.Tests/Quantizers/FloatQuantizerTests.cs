using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Quantizers;
using Mrfi.Core.Selectors;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Quantizers;

/// <summary>FloatQuantization (storing values in a float format) against a nearest-value search and .NET's Half.</summary>
[TestClass]
public sealed class FloatQuantizerTests
{
    private static float[] Samples()
    {
        var rng = new Random(8);
        return [.. Enumerable.Range(0, 400).Select(_ => (float)((rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-12, 12)))), 0f, -0f, 1e6f,
            -1e6f];
    }

    private static float[] Quantized(string floattype, float[] values)
    {
        using var t = torch.tensor(values);
        using var q = new FloatQuantizer(floattype).Calibrate(t);
        q.Quantize(t);
        q.Dequantize(t);
        return TensorAssert.Floats(t);
    }

    [TestMethod]
    [DataRow("float8_e4m3fn", "fp8_e4m3")] [DataRow("float4_e2m1", "fp4_e2m1")] [DataRow("float6_e2m3", "fp6_e2m3")]
    public void Saturating_formats_round_every_value_to_the_nearest_representable_one(string floattype, string element)
    {
        var x = Samples();
        var got = Quantized(floattype, x);
        for (int i = 0; i < x.Length; i++) Assert.AreEqual(MXQuantizerTests.RoundElement(x[i], element), (double)got[i], $"{x[i]:R}");
        Assert.AreEqual(FloatFormat.Parse(floattype)!.Width, new FloatQuantizer(floattype).BitWidth);
    }

    [TestMethod]
    public void Float16_rounds_as_half_does_and_e5m2_overflows_to_infinity()
    {
        var x = Samples();
        var half = Quantized("float16", x);
        for (int i = 0; i < x.Length; i++) Assert.AreEqual((float)(Half)x[i], half[i], $"{x[i]:R}");
        var e5 = Quantized("float8_e5m2", [1e6f, -1e6f, 57344f]);
        CollectionAssert.AreEqual(new[] { float.PositiveInfinity, float.NegativeInfinity, 57344f }, e5);
        Assert.AreEqual(16, new FloatQuantizer("float16").BitWidth);
    }

    [TestMethod]
    public void A_flip_is_recorded_with_the_bits_of_the_formats_pattern()
    {
        using var model = nn.Linear(2, 2);
        using var session = new FaultInjectionSession(model, [], [], new SessionOptions { RecordFaults = true });
        session.BeginTrial(1);
        using var t = torch.tensor(new[] { 1f, 0.3f });
        var entry = new FaultEntry("fp8", InjectionTarget.Activation, ["layer"], [], true, new FloatQuantizer("float8_e4m3fn"), true,
            new FixPositionSelector([0]), new FloatFixedBitFlipErrorModel([6], "float8_e4m3fn"));
        using var stream = new Generator(1);
        TensorInjector.Apply(t, entry, InjectionMode.Faulty, session, stream, null, ("layer", "input"));
        CollectionAssert.AreEqual(new[] { 256f, 0.3125f }, TensorAssert.Floats(t),
            "1 = 0.0111.000 → 0.1111.000; 0.3 rounds to 1.010·2^-2");
        var f = session.Faults.Single();
        Assert.AreEqual(new FaultRecord(session.Trial, session.Batch, "layer", "input", "fp8", 0, "0", 64, 1.0, 256.0, null, null), f);
    }
}
