using Mrfi.Core.Kernels;
using Mrfi.Core.Quantizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary><see cref="TensorInjector"/>'s pipeline for an MX quantizer with <c>target_part = "scales"</c>: the selector
/// draws positions in the scale tensor, the error model changes the 8-bit scale codes (held as two's-complement integers,
/// as every quantized word), and the hit blocks are dequantized with their faulty scales.</summary>
/// <remarks>Layer-wise the whole tensor goes through quantize → dequantize; otherwise only the elements of the hit blocks
/// do. Elements are quantized with the clean scale before the fault, so a flipped scale bit k multiplies or divides every
/// value of its block by 2^(2^k) exactly (or makes it NaN at code 255).</remarks>
internal static class MXScaleInjector
{
    /// <summary>Applies the entry to <paramref name="tensor"/> in place; returns the number of scales hit.</summary>
    public static long Apply(Tensor tensor, FaultEntry entry, MXQuantizer mx, bool faulty, FaultInjectionSession session, Generator stream,
        PermanentFault? permanent, (string Layer, string Tensor)? record, UndoLog? undo, Tensor? source)
    {
        if (source is not null) tensor.copy_(source);
        var scaleShape = mx.ScaleShape(tensor.shape);
        using var positions = !faulty ? null : permanent is null
            ? TensorInjector.Draw(entry.Selector, scaleShape, stream)
            : TensorInjector.Permanent(entry, scaleShape, session, permanent);
        using var permanentGenerator = positions is null || positions.Count == 0 || permanent is null ? null
            : new Generator(permanent.Seed);
        using var quantization = mx.CalibrateBlocks(tensor);
        long[] blocks = positions is null ? [] : positions.Indices().ToArray();
        if (entry.Layerwise) quantization.Quantize(tensor);
        if (blocks.Length == 0)
        {
            if (entry.Layerwise) quantization.Dequantize(tensor);
            return 0;
        }
        using var scope = torch.NewDisposeScope();
        var hit = new bool[quantization.ScaleCodes.Length];
        foreach (long b in blocks) hit[b] = true;
        var elements = new List<long>();
        for (int i = 0; i < quantization.BlockOf.Length; i++) if (hit[quantization.BlockOf[i]]) elements.Add(i);
        var index = torch.tensor(elements.ToArray(), dtype: ScalarType.Int64).to(tensor.device);
        var flat = tensor.view(-1);
        var values = flat.index(index);
        using var selected = entry.Layerwise ? null : quantization.At(index);
        if (!entry.Layerwise)
        {
            undo?.Add(index, values);
            selected!.Quantize(values);
        }
        ChangeScales(entry, quantization, blocks, permanentGenerator ?? stream, session, record, scaleShape);
        if (entry.Layerwise) quantization.Dequantize(tensor);
        else
        {
            selected!.Dequantize(values);
            flat.index_put_(values.to_type(tensor.dtype), index);
        }
        return blocks.Length;
    }

    /// <summary>Runs the error model on the scale codes of <paramref name="blocks"/> and stores the results (and records them).</summary>
    private static void ChangeScales(FaultEntry entry, MXQuantization quantization, long[] blocks, Generator generator,
        FaultInjectionSession session, (string Layer, string Tensor)? record, long[] scaleShape)
    {
        var words = blocks.Select(b =>
            (float)(quantization.ScaleCodes[b] >= 128 ? quantization.ScaleCodes[b] - 256 : quantization.ScaleCodes[b])).ToArray();
        using var before = CpuKernels.FloatTensor(words);
        using var after = entry.ErrorModel.Apply(before, generator);
        var changed = TensorFloats.Read(after);
        if (changed.Length != blocks.Length)
            throw new InvalidOperationException($"the error model returned {changed.Length} values for {blocks.Length} scales");
        for (int k = 0; k < blocks.Length; k++)
        {
            int b = (int)blocks[k], old = quantization.ScaleCodes[b];
            int code = (int)(SpanErrorModels.Truncate(changed[k]) & 0xFF);
            quantization.ScaleCodes[b] = code;
            if (record is { } r)
                session.Record(new FaultRecord(session.Trial, session.Batch, r.Layer, r.Tensor, entry.Name, b,
                    FaultRecorder.Coordinates(scaleShape, b),
                    old ^ code, MXQuantization.Scale(old), MXQuantization.Scale(code), old, code, "scale"));
        }
    }
}
