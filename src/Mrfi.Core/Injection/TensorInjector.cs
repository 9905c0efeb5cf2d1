using Mrfi.Core.Kernels;
using Mrfi.Core.Selectors;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>The per-tensor pipeline of one fault entry: quantize, select, inject, dequantize (MRFI §1.8).</summary>
/// <remarks>On a contiguous float32 CPU tensor with built-in components, <see cref="FusedInjector"/> does it in one or two
/// passes over the tensor's memory; everywhere else (CUDA, other dtypes, plugin quantizers) the tensor operations below do,
/// and they are the reference the fused path is tested against bit for bit.</remarks>
internal static class TensorInjector
{
    /// <summary>Applies <paramref name="entry"/> to <paramref name="tensor"/> in place; returns the number of faults injected.</summary>
    /// <remarks>The tensor must be contiguous and owned by the caller (a clone or a parameter under no_grad), or, with
    /// <paramref name="undo"/>, one the caller puts back: the clean values of every position written are added to it
    /// (only without layer-wise quantization, which rewrites the whole tensor). <paramref name="record"/> names the layer and
    /// tensor when the session records faults. With <paramref name="source"/>, <paramref name="tensor"/> is a fresh contiguous
    /// tensor of the same shape that is to hold a copy of it: the kernels copy while they quantize, in the same pass.</remarks>
    public static long Apply(Tensor tensor, FaultEntry entry, InjectionMode mode, FaultInjectionSession session, Generator stream,
        PermanentFault? permanent,
        (string Layer, string Tensor)? record = null, UndoLog? undo = null, Tensor? source = null)
    {
        if (mode == InjectionMode.Float)
        {
            if (source is not null) tensor.copy_(source);
            return 0;
        }
        if (entry.Quantizer is Quantizers.MXQuantizer { TargetsScales: true } mx)
            return MXScaleInjector.Apply(tensor, entry, mx, mode == InjectionMode.Faulty, session, stream, permanent, record, undo, source);
        var shape = tensor.shape;
        using var positions = mode != InjectionMode.Faulty ? null : permanent is null ? Draw(entry.Selector, shape, stream)
            : Permanent(entry, shape, session, permanent);
        using var errorGenerator = positions is null || positions.Count == 0 || permanent is null ? null : new Generator(permanent.Seed);
        var sink = record is { } r ? new FaultSink(session, entry, r.Layer, r.Tensor, shape) : null;
        if (FusedInjector.TryApply(tensor, entry, positions, errorGenerator ?? stream, sink, undo, source)) return positions?.Count ?? 0;
        if (source is not null) tensor.copy_(source);
        return ApplyTensors(tensor, entry, positions, errorGenerator ?? stream, sink, undo);
    }

    private static long ApplyTensors(Tensor tensor, FaultEntry entry, PositionSet? positions, Generator generator, FaultSink? record,
        UndoLog? undo)
    {
        using var quantization = entry.Quantizer?.Calibrate(tensor);
        bool layerwise = quantization is not null && entry.Layerwise;
        if (layerwise) quantization!.Quantize(tensor);
        long faults = positions?.Count ?? 0;
        if (faults > 0)
        {
            using var selected = positions!.ToTensor();
            using var index = selected.to(tensor.device);
            using var flat = tensor.view(-1);
            using var values = flat.index(index);
            undo?.Add(index, values);
            // Selected-values mode: only these values go through quantize → error → dequantize.
            using var selectedQuantization = layerwise ? null : quantization?.At(index);
            selectedQuantization?.Quantize(values);
            using var faulty = entry.ErrorModel.Apply(values, generator);
            if (record is not null)
            {
                using var recordQuantization = layerwise ? quantization!.At(index) : null;
                record.Record(index, values, faulty, selectedQuantization ?? recordQuantization);
            }
            selectedQuantization?.Dequantize(faulty);
            flat.index_put_(faulty.to_type(tensor.dtype), index);
        }
        if (layerwise) quantization!.Dequantize(tensor);
        return faults;
    }

    /// <summary>Distinct positions from the selector, ascending (every position without one).</summary>
    public static PositionSet Draw(ISelector? selector, long[] shape, Generator generator)
    {
        // A refusal (a position outside the tensor, a pixel of a tensor that has none) is reported at the selector's key.
        return SelectorException.Guard(() =>
        {
            long numel = Shapes.Numel(shape);
            if (selector is null) return PositionSet.Every(numel);
            if (selector is IPositionSampler sampler)
            {
                var (rented, count) = sampler.Sample(shape, generator);
                return PositionSet.Distinct(rented, count, numel);
            }
            using var drawn = selector.Select(shape, generator);
            return PositionSet.FromTensor(drawn, numel);
        });
    }

    /// <summary>A permanent fault's positions in a tensor of <paramref name="shape"/>: drawn once, then reused.</summary>
    internal static PositionSet Permanent(FaultEntry entry, long[] shape, FaultInjectionSession session, PermanentFault permanent)
    {
        // One sample keeps the batch dimension (size 1), so that dimension-aware selectors (instance, channel, pixel) see the
        // layout of the whole tensor; its flat positions are the same as those within [C, H, W].
        bool perSample = permanent.PerSample && shape.Length > 1;
        long[] sampleShape = perSample ? [1, .. shape[1..]] : shape;
        if (permanent.Positions is null)
        {
            ulong seed = Injection.TrialSeeds.Stream(entry.Scope == SelectorScope.Campaign ? session.Options.CampaignSeed
                : session.TrialSeed, permanent.KeyHash);
            using var generator = new Generator(seed);
            using var drawn = Draw(entry.Selector, sampleShape, generator);
            permanent.Positions = drawn.Indices().ToArray();
            permanent.Seed = unchecked(seed + 0x632BE59BD9B4E019UL);
        }
        return perSample
            ? PositionSet.Repeat(permanent.Positions, shape[0], Shapes.Numel(sampleShape))
            : PositionSet.Copy(permanent.Positions, Shapes.Numel(shape));
    }
}
