using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>A uniform random sample without replacement of every value seen (metric <c>sample</c>), for distributions and
/// violin plots: reservoir sampling over all values of all batches, so every value seen has the same chance (MRFI's version
/// slices along dim 0 and is biased for multi-dimensional tensors).</summary>
/// <remarks>Li's Algorithm L (1994): after the reservoir fills, the number of values to skip before the next one kept is
/// drawn directly, so a batch costs O(max_samples · log) random numbers and reads only the values it keeps, never the whole
/// tensor. The draws come from a managed stream seeded by <c>seed</c> and restarted with every trial.</remarks>
[MrfiComponent("UniformSampling", Summary = "Uniform sample without replacement of all values seen (at most max_samples).")]
public sealed class UniformSamplingObserver : IObserver
{
    private readonly double[] _reservoir;
    private readonly List<(long Index, int Slot)> _picks = [];
    private ManagedRandom _random;
    private int _filled;
    private long _seen, _next;
    private double _w;

    /// <summary>Creates the observer.</summary>
    /// <param name="maxSamples">Sample size.</param>
    /// <param name="seed">Seed of the sampling draws (restarted with every trial).</param>
    public UniformSamplingObserver(int maxSamples = 10_000, long seed = 0)
    {
        if (maxSamples < 1) throw new ArgumentOutOfRangeException(nameof(maxSamples), maxSamples, "max_samples must be at least 1");
        MaxSamples = maxSamples;
        Seed = seed;
        _reservoir = new double[maxSamples];
        Reset();
    }

    /// <summary>Sample size.</summary>
    public int MaxSamples { get; }

    /// <summary>Seed of the sampling draws.</summary>
    public long Seed { get; }

    /// <inheritdoc />
    public void Reset()
    {
        _random = new ManagedRandom(unchecked((ulong)Seed));
        _filled = 0;
        _seen = _next = 0;
        _w = 0;
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        long n = value.numel();
        _picks.Clear();
        for (long i = 0; i < n && _filled < MaxSamples; i++)
        {
            _picks.Add((i, _filled++));
            if (_filled == MaxSamples) Skip(_seen + i);
        }
        while (_filled == MaxSamples && _next < _seen + n)
        {
            _picks.Add((_next - _seen, (int)_random.NextBelow((ulong)MaxSamples)));
            _w *= Math.Exp(Math.Log(_random.NextOpenDouble()) / MaxSamples);
            Skip(_next);
        }
        _seen += n;
        Read(value);
    }

    /// <summary>Draws W (first time) and the index of the next value kept after <paramref name="last"/>.</summary>
    private void Skip(long last)
    {
        if (_w == 0) _w = Math.Exp(Math.Log(_random.NextOpenDouble()) / MaxSamples);
        double skip = Math.Floor(Math.Log(_random.NextOpenDouble()) / Math.Log(1 - _w));
        _next = skip >= long.MaxValue / 2 ? long.MaxValue / 2 : last + 1 + (long)skip;
    }

    /// <summary>Writes the picked values into their slots, in pick order (a later pick of a slot replaces an earlier one).</summary>
    private void Read(Tensor value)
    {
        if (_picks.Count == 0) return;
        if (CpuKernels.TryFloats(value, out var x))
        {
            foreach (var (index, slot) in _picks) _reservoir[slot] = x[(int)index];
            return;
        }
        using var scope = torch.NewDisposeScope();
        var indices = CpuKernels.LongTensor(_picks.Select(p => p.Index).ToArray()).to(value.device);
        var picked = value.reshape(-1).index(indices).to(ScalarType.Float64, CPU).contiguous();
        CpuKernels.TryMemory<double>(picked, ScalarType.Float64, out var values);
        for (int i = 0; i < _picks.Count; i++) _reservoir[_picks[i].Slot] = values[i];
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() =>
        [.. _reservoir.Take(_filled).Select((v, i) => new ObserverMetric("sample", v, i))];
}
