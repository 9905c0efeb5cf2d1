using System.Buffers;
using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary><see cref="TensorInjector"/>'s pipeline on a contiguous float32 CPU tensor, in managed code over the tensor's
/// memory: max |x| in one pass (auto range), quantize → dequantize of every value in a second (layer-wise), and the selected
/// values gathered, quantized, faulted and dequantized on their own — instead of a dozen TorchSharp calls and seven passes.</summary>
/// <remarks>Every float32 step is the tensor path's, in its order, so the results are the same bits. Quantizers the kernels
/// do not know (plugins, per-channel, affine) leave the whole entry to the tensor path; error models without a span form run
/// through <see cref="IErrorModel.Apply"/> on a tensor of the selected values, as on the tensor path.</remarks>
internal static class FusedInjector
{
    /// <summary>Applies the entry when the tensor and its quantizer allow it; false (having changed and drawn nothing) otherwise.
    /// With <paramref name="source"/>, <paramref name="tensor"/> is to become a copy of it first (see
    /// <see cref="TensorInjector.Apply"/>).</summary>
    public static bool TryApply(Tensor tensor, FaultEntry entry, PositionSet? positions, Generator generator, FaultSink? record,
        UndoLog? undo, Tensor? source = null)
    {
        if (entry.Quantizer is not (null or IScalarQuantizer) || !CpuKernels.TryFloats(tensor, out var x) || x.Length == 0) return false;
        Span<float> from = x;
        if (source is not null && (!CpuKernels.TryFloats(source, out from) || from.Length != x.Length)) return false;
        int n = positions is null ? 0 : checked((int)positions.Count);
        bool layerwise = entry.Quantizer is not null && entry.Layerwise;
        // Layer-wise, the round trip below writes every value, copying as it goes; otherwise the copy comes first.
        if (source is not null && !layerwise) from.CopyTo(x);
        ReadOnlySpan<float> input = layerwise ? from : x;
        ScalarQuantization? quantization = entry.Quantizer is IScalarQuantizer q && (layerwise || n > 0) ? q.Calibrate(input) : null;
        float[]? rented = n > 0 ? ArrayPool<float>.Shared.Rent(n) : null;
        try
        {
            var values = rented.AsSpan(0, n);
            if (n > 0)
            {
                Gather(input, positions!, values);
                if (undo is not null) undo.Add(positions!.Indices(), values);
                quantization?.Quantize(values);
                float[]? before = record is null ? null : values.ToArray();
                ApplyErrorModel(entry.ErrorModel, values, generator);
                record?.Record(positions!.Indices(), before, values, quantization);
                quantization?.Dequantize(values);
            }
            if (layerwise) quantization!.Value.RoundTrip(input, x);
            if (n > 0) Scatter(values, positions!, x);
            return true;
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static void Gather(ReadOnlySpan<float> x, PositionSet positions, Span<float> values)
    {
        if (positions.All) { x.CopyTo(values); return; }
        var p = positions.Span;
        for (int i = 0; i < p.Length; i++) values[i] = x[(int)p[i]];
    }

    private static void Scatter(ReadOnlySpan<float> values, PositionSet positions, Span<float> x)
    {
        if (positions.All) { values.CopyTo(x); return; }
        var p = positions.Span;
        for (int i = 0; i < p.Length; i++) x[(int)p[i]] = values[i];
    }

    /// <summary>The error model on the values in place: its span form, else its tensor form on a copy.</summary>
    private static void ApplyErrorModel(IErrorModel model, Span<float> values, Generator generator)
    {
        if (model is ISpanErrorModel spans && spans.TryApply(values, generator)) return;
        using var scope = torch.NewDisposeScope();
        var faulty = model.Apply(CpuKernels.FloatTensor(values), generator).to(ScalarType.Float32, CPU).contiguous();
        if (faulty.numel() != values.Length)
            throw new InvalidOperationException($"the error model returned {faulty.numel()} values for {values.Length} selected ones");
        CpuKernels.TryMemory<float>(faulty, ScalarType.Float32, out var result);
        result.CopyTo(values);
    }
}
