using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>One tensor's MX parameters: the E8M0 code of every block's scale and the block of every calibrated element.</summary>
/// <remarks>Quantize turns a value into its element word (see <see cref="MXElement"/>), dequantize turns a word back into
/// element value × 2^(code − 127); code 255 (E8M0's NaN) makes every value of its block NaN. The codes are shared with the
/// objects <see cref="At"/> returns, so that a faulty scale rescales all of its block. Runs on the CPU (values on another
/// device are copied there and back).</remarks>
internal sealed class MXQuantization : IQuantization
{
    /// <summary>E8M0's NaN code.</summary>
    public const int NaNCode = 255;

    private readonly MXLayout? _layout;
    private readonly MXKernels? _kernels;
    private int[]? _blockOf;

    /// <summary>The quantization of a whole tensor laid out as <paramref name="layout"/>.</summary>
    public MXQuantization(MXElement element, int[] scaleCodes, MXLayout layout, MXKernels kernels)
    {
        Element = element;
        ScaleCodes = scaleCodes;
        _layout = layout;
        _kernels = kernels;
    }

    private MXQuantization(MXElement element, int[] scaleCodes, int[] blockOf)
    {
        Element = element;
        ScaleCodes = scaleCodes;
        _blockOf = blockOf;
    }

    /// <summary>The element type.</summary>
    public MXElement Element { get; }

    /// <summary>The E8M0 code (0..255) of each block's scale, indexed as the scale tensor (see
    /// <see cref="MXQuantizer.ScaleShape"/>).</summary>
    public int[] ScaleCodes { get; }

    /// <summary>The block of each calibrated element, in flat order.</summary>
    /// <remarks>Computed from the layout on first use: a campaign's tensors never ask for it (only scale faults do).</remarks>
    public ReadOnlySpan<int> BlockOf => _blockOf ??= BlocksOf(_layout!.Value);

    /// <summary>The scale 2^(code − 127) of an E8M0 code, NaN for 255.</summary>
    public static double Scale(int code) => code == NaNCode ? double.NaN : Math.ScaleB(1.0, code - 127);

    public void Quantize(Tensor values)
    {
        // A whole contiguous float32 CPU tensor runs in the kernels, in place; the value-by-value map is their reference.
        if (_layout is { } layout && CpuKernels.TryFloats(values, out var memory) && memory.Length == layout.Count)
            _kernels!.Quantize(memory, layout, ScaleCodes);
        else Map(values, (x, block) =>
            ScaleCodes[block] == NaNCode ? 0 : Element.Encode((float)Math.ScaleB(x, 127 - ScaleCodes[block])));
    }

    public void Dequantize(Tensor values)
    {
        if (_layout is { } layout && CpuKernels.TryFloats(values, out var memory) && memory.Length == layout.Count)
            _kernels!.Dequantize(memory, layout, ScaleCodes);
        else Map(values, (q, block) => (float)(Element.Decode((long)q) * Scale(ScaleCodes[block])));
    }

    public IQuantization At(Tensor flatIndex)
    {
        bool ready = flatIndex.device_type == TorchSharp.DeviceType.CPU && flatIndex.dtype == ScalarType.Int64 && flatIndex.is_contiguous();
        using var converted = ready ? null : flatIndex.to(ScalarType.Int64, CPU).contiguous();
        var index = (converted ?? flatIndex).data<long>().ToArray();
        var blocks = new int[index.Length];
        for (int k = 0; k < index.Length; k++) blocks[k] = _layout is { } layout ? layout.BlockOf(index[k]) : _blockOf![(int)index[k]];
        return new MXQuantization(Element, ScaleCodes, blocks);
    }

    public void Dispose() { }

    private void Map(Tensor values, Func<float, int, float> f)
    {
        var data = TensorFloats.Read(values);
        var blockOf = BlockOf;
        if (data.Length != blockOf.Length)
            throw new InvalidOperationException($"{data.Length} values for an MX quantization of {blockOf.Length}");
        for (int i = 0; i < data.Length; i++) data[i] = f(data[i], blockOf[i]);
        using var flat = tensor(data);
        using var result = flat.reshape(values.shape);
        values.copy_(result);
    }

    private static int[] BlocksOf(MXLayout layout)
    {
        var blockOf = new int[layout.Count];
        for (int i = 0; i < blockOf.Length; i++) blockOf[i] = layout.BlockOf(i);
        return blockOf;
    }
}
