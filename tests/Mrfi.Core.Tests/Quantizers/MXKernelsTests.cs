using Mrfi.Core.Kernels;
using Mrfi.Core.Quantizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Quantizers;

/// <summary>MX calibration, element words and dequantized values from the kernels over tensor memory, against the
/// value-by-value reference (the kernels turned off): every element type, blocks along the last, the first and a middle
/// dimension, a block size that does not divide the dimension, and blocks of zeros, of NaN or ±Inf, of float32 subnormals
/// and of values near float32's largest.</summary>
[TestClass]
public sealed class MXKernelsTests
{
    private static readonly string[] Elements = ["fp8_e4m3", "fp8_e5m2", "fp6_e3m2", "fp6_e2m3", "fp4_e2m1", "int8"];

    /// <summary>A [4, 6, 40] tensor whose rows span 2^-149 … 2^128, with zeros, NaN, +Inf and -Inf.</summary>
    private static Tensor Input()
    {
        var rng = new Random(5);
        var x = new float[4 * 6 * 40];
        for (int i = 0; i < x.Length; i++)
        {
            int row = i / 40;
            int exponent = row switch { 0 => -149, 1 => -140, 2 => 126, _ => (row * 7 % 60) - 30 };
            x[i] = (float)((rng.NextDouble() * 2 - 1) * Math.Pow(2, exponent + rng.Next(0, 3)));
        }
        for (int i = 5 * 40; i < 6 * 40; i++) x[i] = 0;
        for (int i = 0; i < x.Length; i++) if (i % 40 < 10) x[i] = 0;  // blocks of zeros along every dimension
        x[300] = float.NaN;
        x[555] = float.PositiveInfinity;
        x[777] = float.NegativeInfinity;
        return torch.tensor(x).reshape(4, 6, 40);
    }

    private static (int[] Codes, int[] Words, int[] Values) Run(MXQuantizer q, bool kernels)
    {
        using var off = kernels ? null : CpuKernels.Disable();
        using var t = Input();
        using var quantization = q.CalibrateBlocks(t);
        quantization.Quantize(t);
        var words = FusedInjectorTestsBits(t);
        quantization.Dequantize(t);
        return ([.. quantization.ScaleCodes], words, FusedInjectorTestsBits(t));
    }

    private static int[] FusedInjectorTestsBits(Tensor t) => Injection.FusedInjectorTests.Bits(t);

    [TestMethod]
    public void Kernels_give_the_reference_codes_words_and_values_bit_for_bit()
    {
        int cases = 0;
        foreach (string element in Elements)
            foreach (int dim in new[] { -1, 0, 1 })
                foreach (int block in new[] { 32, 5 })
                {
                    var q = new MXQuantizer(element, block, dim);
                    var fused = Run(q, kernels: true);
                    var reference = Run(q, kernels: false);
                    string what = $"{element}, block {block}, dim {dim}";
                    CollectionAssert.AreEqual(reference.Codes, fused.Codes, $"{what}: scale codes");
                    Injection.FusedInjectorTests.AssertSame(reference.Words, fused.Words, $"{what}: element words");
                    Injection.FusedInjectorTests.AssertSame(reference.Values, fused.Values, $"{what}: dequantized values");
                    CollectionAssert.Contains(fused.Codes, MXQuantization.NaNCode, $"{what}: a block of NaN or Inf");
                    CollectionAssert.Contains(fused.Codes, 0, $"{what}: a block of zeros or of subnormals");
                    cases++;
                }
        Assert.AreEqual(36, cases);
    }

    [TestMethod]
    public void Faulty_words_dequantize_as_in_the_reference()
    {
        // Every word an error model can leave (and some it cannot: out of range, fractional), in blocks of every code.
        var words = Enumerable.Range(0, 256 * 4).Select(i => (float)((i % 300) - 150) + (i % 7 == 0 ? 0.5f : 0)).ToArray();
        // Blocks of 4 are scaled and decoded in two passes, blocks of 8 in one pass per block.
        foreach (string element in Elements)
        foreach (int block in new[] { 4, 8 })
        {
            var q = new MXQuantizer(element, block);
            int[] Dequantized(bool kernels)
            {
                using var off = kernels ? null : CpuKernels.Disable();
                using var calibrated = torch.tensor(Enumerable.Range(0, 256 * 4).Select(i => MathF.ScaleB(1.5f, (i / 4 % 254) - 127))
                    .ToArray());
                using var quantization = q.CalibrateBlocks(calibrated);
                using var t = torch.tensor(words);
                quantization.Dequantize(t);
                return Injection.FusedInjectorTests.Bits(t);
            }
            Injection.FusedInjectorTests.AssertSame(Dequantized(false), Dequantized(true), $"{element}, block {block}");
        }
    }

    [TestMethod]
    public void A_value_s_block_follows_the_scale_tensor_s_layout()
    {
        var layout = new MXLayout(Outer: 3, Size: 7, Inner: 2, Block: 3);
        var q = new MXQuantizer("fp8_e4m3", 3, 1);
        CollectionAssert.AreEqual(new long[] { 3, 3, 2 }, q.ScaleShape([3, 7, 2]));
        for (int i = 0; i < 42; i++)
        {
            int o = i / 14, c = i / 2 % 7, j = i % 2;
            Assert.AreEqual((o * 3 + c / 3) * 2 + j, layout.BlockOf(i), $"value {i}");
        }
        // Along the last dimension the blocks are runs [start, end) in memory, numbered in order; the last of a row is shorter.
        var last = All(new MXLayout(Outer: 2, Size: 7, Inner: 1, Block: 3).Runs());
        CollectionAssert.AreEqual(new[] { (0, 3, 0), (3, 6, 1), (6, 7, 2), (7, 10, 3), (10, 13, 4), (13, 14, 5) }, last);
        for (int b = 0; b < last.Count; b++)
            for (int i = last[b].Start; i < last[b].End; i++) Assert.AreEqual(b, new MXLayout(2, 7, 1, 3).BlockOf(i), $"value {i}");
        Assert.ThrowsExactly<InvalidOperationException>(() => layout.Runs());
    }

    private static List<(int Start, int End, int Block)> All(MXRuns runs)
    {
        var list = new List<(int, int, int)>();
        foreach (var run in runs) list.Add(run);
        return list;
    }
}
