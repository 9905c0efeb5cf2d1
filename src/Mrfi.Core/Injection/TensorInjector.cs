using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>The per-tensor pipeline of one fault entry: quantize, select, inject, dequantize (MRFI §1.8).</summary>
internal static class TensorInjector
{
    /// <summary>Applies <paramref name="entry"/> to <paramref name="tensor"/> in place; returns the number of faults injected.</summary>
    /// <remarks>The tensor must be contiguous and owned by the caller (a clone or a parameter under no_grad), or, with
    /// <paramref name="undo"/>, one the caller puts back: the clean values of every position written are added to it
    /// (only without layer-wise quantization, which rewrites the whole tensor).</remarks>
    public static long Apply(Tensor tensor, FaultEntry entry, InjectionMode mode, FaultInjectionSession session, Generator stream, PermanentFault? permanent,
        Action<Tensor, Tensor, Tensor, IQuantization?>? record = null, List<(Tensor Index, Tensor Values)>? undo = null)
    {
        if (mode == InjectionMode.Float) return 0;
        using var quantization = entry.Quantizer?.Calibrate(tensor);
        bool layerwise = quantization is not null && entry.Layerwise;
        if (layerwise) quantization!.Quantize(tensor);
        long faults = 0;
        if (mode == InjectionMode.Faulty)
        {
            using var selected = permanent is null ? Draw(entry, tensor.shape, stream) : Permanent(entry, tensor.shape, session, permanent);
            faults = selected.numel();
            if (faults > 0)
            {
                using var errorGenerator = permanent is null ? null : new Generator(permanent.Seed);
                using var index = selected.to(tensor.device);
                using var flat = tensor.view(-1);
                using var values = flat.index(index);
                undo?.Add((index.clone().DetachFromDisposeScope(), values.clone().DetachFromDisposeScope()));
                // Selected-values mode: only these values go through quantize → error → dequantize.
                using var selectedQuantization = layerwise ? null : quantization?.At(index);
                selectedQuantization?.Quantize(values);
                using var faulty = entry.ErrorModel.Apply(values, errorGenerator ?? stream);
                if (record is not null)
                {
                    using var recordQuantization = layerwise ? quantization!.At(index) : null;
                    record(index, values, faulty, selectedQuantization ?? recordQuantization);
                }
                selectedQuantization?.Dequantize(faulty);
                flat.index_put_(faulty.to_type(tensor.dtype), index);
            }
        }
        if (layerwise) quantization!.Dequantize(tensor);
        return faults;
    }

    /// <summary>Distinct positions from the selector (every position without one).</summary>
    private static Tensor Draw(FaultEntry entry, long[] shape, Generator generator)
    {
        using var drawn = SelectorException.Select(entry, shape, generator) ?? torch.arange(shape.Aggregate(1L, (a, b) => a * b), dtype: ScalarType.Int64);
        // Positions drawn twice get one fault: with duplicates, which write wins in index_put_ is
        // unspecified (and varies between threads), which would break seed reproducibility.
        return drawn.numel() > 1 ? torch.unique(drawn).output : drawn.alias();
    }

    private static Tensor Permanent(FaultEntry entry, long[] shape, FaultInjectionSession session, PermanentFault permanent)
    {
        // One sample keeps the batch dimension (size 1), so that dimension-aware selectors (instance, channel, pixel) see the
        // layout of the whole tensor; its flat positions are the same as those within [C, H, W].
        long[] sampleShape = permanent.PerSample && shape.Length > 1 ? [1, .. shape[1..]] : shape;
        if (permanent.Positions is null)
        {
            ulong seed = Campaigns.TrialSeeds.Stream(entry.Scope == SelectorScope.Campaign ? session.CampaignSeed : session.TrialSeed, permanent.KeyHash);
            using var generator = new Generator(seed);
            permanent.Positions = Draw(entry, sampleShape, generator).DetachFromDisposeScope();
            permanent.Seed = unchecked(seed + 0x632BE59BD9B4E019UL);
        }
        if (!(permanent.PerSample && shape.Length > 1)) return permanent.Positions.alias();
        long perSample = sampleShape.Aggregate(1L, (a, b) => a * b);
        using var offsets = torch.arange(shape[0], dtype: ScalarType.Int64).mul_(perSample).unsqueeze(1);
        using var all = offsets.add(permanent.Positions.unsqueeze(0));
        return all.reshape(-1);
    }
}
