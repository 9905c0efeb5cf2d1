using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>The per-tensor pipeline of one fault entry: quantize, select, inject, dequantize (MRFI §1.8).</summary>
internal static class TensorInjector
{
    /// <summary>Applies <paramref name="entry"/> to <paramref name="tensor"/> in place; returns the number of faults injected.</summary>
    /// <remarks>The tensor must be contiguous and owned by the caller (a clone or a parameter under no_grad).</remarks>
    public static long Apply(Tensor tensor, FaultEntry entry, InjectionMode mode, Generator generator)
    {
        if (mode == InjectionMode.Float) return 0;
        var q = entry.Quantizer;
        using var range = q?.Calibrate(tensor);
        bool layerwise = q is not null && entry.Layerwise;
        if (layerwise) q!.Quantize(tensor, range!);
        long faults = 0;
        if (mode == InjectionMode.Faulty)
        {
            using var drawn = entry.Selector?.Select(tensor.shape, generator) ?? torch.arange(tensor.numel(), dtype: ScalarType.Int64);
            // Positions drawn twice get one fault: with duplicates, which write wins in index_put_ is
            // unspecified (and varies between threads), which would break seed reproducibility.
            using var selected = drawn.numel() > 1 ? torch.unique(drawn).output : drawn.alias();
            faults = selected.numel();
            if (faults > 0)
            {
                using var index = selected.to(tensor.device);
                using var flat = tensor.view(-1);
                using var values = flat.index(index);
                if (q is not null && !layerwise) q.Quantize(values, range!);
                using var faulty = entry.ErrorModel.Apply(values, generator);
                if (q is not null && !layerwise) q.Dequantize(faulty, range!);
                flat.index_put_(faulty.to_type(tensor.dtype), index);
            }
        }
        if (layerwise) q!.Dequantize(tensor, range!);
        return faults;
    }
}
