using System.Buffers;
using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Selects <c>n</c> uniform positions with replacement; with <c>per_instance</c>, <c>n</c> in each item of the batch (dim
/// 0).</summary>
[MrfiComponent("RandomPositionByNumber", Summary = "n uniform positions with replacement; per_instance: n inside every batch item.")]
public sealed class RandomPositionByNumberSelector : ISelector, IExpectedFaults, IPositionSampler
{
    /// <summary>Creates the selector.</summary>
    /// <param name="n">Number of positions (per instance with <paramref name="perInstance"/>).</param>
    /// <param name="perInstance">Draw <paramref name="n"/> positions inside each batch item.</param>
    public RandomPositionByNumberSelector(int n = 1, bool perInstance = false)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be 0 or more");
        N = n;
        PerInstance = perInstance;
    }

    /// <summary>Number of positions.</summary>
    public int N { get; }

    /// <summary>Whether positions are drawn per batch item.</summary>
    public bool PerInstance { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator) => PositionSamples.AsTensor(this, shape, generator);

    (long[] Rented, int Count) IPositionSampler.Sample(long[] shape, Generator generator)
    {
        long numel = Shapes.Numel(shape);
        if (numel == 0 || N == 0) return (ArrayPool<long>.Shared.Rent(1), 0);
        var random = ManagedRandom.From(generator);
        if (!PerInstance) return PositionSamples.Uniform(N, numel, ref random);
        // N positions inside each batch item, item after item.
        long batch = shape.Length == 0 ? 1 : shape[0];
        long perItem = numel / batch;
        var (rented, count) = PositionSamples.Uniform(batch * N, perItem, ref random);
        for (int i = 0; i < count; i++) rented[i] += i / N * perItem;
        return (rented, count);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => PerInstance ? N * (shape.Length == 0 ? 1 : shape[0]) : N;
}
