using System.Buffers;
using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Helpers of the selectors that draw in managed code (<see cref="IPositionSampler"/>).</summary>
internal static class PositionSamples
{
    /// <summary><paramref name="n"/> uniform positions in [0, <paramref name="numel"/>) with replacement, in a rented array.</summary>
    public static (long[] Rented, int Count) Uniform(long n, long numel, ref ManagedRandom random)
    {
        if (n > Array.MaxLength) throw new ArgumentException($"{n} positions are more than one draw can hold", nameof(n));
        var rented = ArrayPool<long>.Shared.Rent((int)Math.Max(n, 1));
        for (int i = 0; i < n; i++) rented[i] = (long)random.NextBelow((ulong)numel);
        return (rented, (int)n);
    }

    /// <summary>The sampler's draw as the 1-D int64 CPU tensor that <see cref="ISelector.Select"/> returns.</summary>
    public static Tensor AsTensor(IPositionSampler sampler, long[] shape, Generator generator)
    {
        var (rented, count) = sampler.Sample(shape, generator);
        try
        {
            return CpuKernels.LongTensor(rented.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }
}
