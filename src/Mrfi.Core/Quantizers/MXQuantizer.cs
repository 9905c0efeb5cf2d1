using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>OCP Microscaling (MX) block quantization: blocks of <c>block</c> values along a dimension share one E8M0 scale
/// 2^(floor(log2 max|x|) − emax of the element type), clamped to E8M0's 2^±127; each value is stored as an element
/// (FP8, FP6, FP4 or INT8), rounded to nearest even and saturated.</summary>
/// <remarks>With <c>target_part = "elements"</c> the selector draws element positions and the error model flips bits of
/// their element words (an integer error model with <c>bit_width</c> = the element width). With <c>"scales"</c> it draws
/// positions in the scale tensor (the tensor's shape with the block dimension divided by <c>block</c>, rounded up) and flips
/// bits of the 8-bit scale codes: a flipped scale rescales its whole block. A block holding NaN or ±Inf gets scale code 255
/// (NaN) and dequantizes to NaN; a block of zeros gets code 0.</remarks>
[MrfiComponent("MXQuantization",
    Summary = "OCP MX block scaling: blocks of `block` values share an E8M0 scale; elements " +
        "fp8_e4m3/fp8_e5m2/fp6_e3m2/fp6_e2m3/fp4_e2m1/int8; faults in elements or scales.")]
public sealed class MXQuantizer : IQuantizer, IBitWidth
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="element">fp8_e4m3, fp8_e5m2, fp6_e3m2, fp6_e2m3, fp4_e2m1 or int8.</param>
    /// <param name="block">Values per block (the specification's 32, or any positive size).</param>
    /// <param name="dim">The dimension the blocks run along; negative counts from the end (-1: the last).</param>
    /// <param name="targetPart">"elements" (faults in the element words) or "scales" (faults in the shared E8M0 scales).</param>
    public MXQuantizer(string element = "fp8_e4m3", int block = 32, int dim = -1, string targetPart = "elements")
    {
        Element = MXElement.Parse(element);
        if (block < 1) throw new ArgumentOutOfRangeException(nameof(block), block, "block must be 1 or more");
        if (targetPart is not ("elements" or "scales"))
            throw new ArgumentException($"target_part must be \"elements\" or \"scales\", not \"{targetPart}\"", nameof(targetPart));
        Block = block;
        Dim = dim;
        TargetsScales = targetPart == "scales";
    }

    private MXKernels? _kernels;

    internal MXElement Element { get; }

    /// <summary>Values per block.</summary>
    public int Block { get; }

    /// <summary>The block dimension as configured.</summary>
    public int Dim { get; }

    /// <summary>Whether faults go into the scales rather than the elements.</summary>
    public bool TargetsScales { get; }

    /// <summary>The width of the words faults go into: the element's, or 8 for the scales.</summary>
    public int BitWidth => TargetsScales ? 8 : Element.Width;

    /// <inheritdoc />
    public IQuantization Calibrate(Tensor tensor) => CalibrateBlocks(tensor);

    /// <summary>The shape of the scale tensor of a tensor of <paramref name="shape"/>.</summary>
    public long[] ScaleShape(long[] shape)
    {
        var (d, _, _) = Layout(shape);
        if (shape.Length == 0) return [1];
        long[] s = [.. shape];
        s[d] = (shape[d] + Block - 1) / Block;
        return s;
    }

    internal MXQuantization CalibrateBlocks(Tensor tensor)
    {
        var shape = tensor.shape;
        var (_, size, inner) = Layout(shape);
        long count = Shapes(shape);
        var layout = new MXLayout(size * inner == 0 ? 0 : count / (size * inner), size, inner, Block);
        _kernels ??= new MXKernels(Element);
        if (Kernels.CpuKernels.TryFloats(tensor, out var memory))
            return new MXQuantization(Element, _kernels.Calibrate(memory, layout), layout, _kernels);
        // The reference, value by value (and every tensor that is not contiguous float32 on the CPU).
        var x = Kernels.TensorFloats.Read(tensor);
        var max = new float[layout.Blocks];
        var invalid = new bool[max.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int b = layout.BlockOf(i);
            float a = MathF.Abs(x[i]);
            if (!float.IsFinite(a)) invalid[b] = true;
            else if (a > max[b]) max[b] = a;
        }
        var codes = new int[max.Length];
        for (int b = 0; b < codes.Length; b++)
            codes[b] = invalid[b] ? MXQuantization.NaNCode : max[b] == 0 ? 0
                : Math.Clamp(Math.ILogB((double)max[b]) - Element.Emax, -127, 127) + 127;
        return new MXQuantization(Element, codes, layout, _kernels);
    }

    private static long Shapes(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The block dimension (resolved), its size, and the number of elements after it.</summary>
    private (int Dim, long Size, long Inner) Layout(long[] shape)
    {
        if (shape.Length == 0) return (0, 1, 1);
        int d = Dim < 0 ? shape.Length + Dim : Dim;
        if (d < 0 || d >= shape.Length)
            throw new ArgumentOutOfRangeException("dim", Dim,
                $"dim {Dim} does not exist in a tensor of shape [{string.Join(", ", shape)}]");
        return (d, shape[d], Shapes(shape[(d + 1)..]));
    }
}
