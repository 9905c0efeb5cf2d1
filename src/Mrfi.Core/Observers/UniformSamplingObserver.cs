using System.Buffers;
using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>A uniform random sample without replacement of every value seen (metric <c>sample</c>), for distributions and
/// violin plots: at every batch the sample is a uniform sample of all values seen so far (MRFI's version slices along
/// dim 0 and is biased for multi-dimensional tensors).</summary>
/// <remarks>Batch by batch: how many of the sample come from the new batch is a hypergeometric draw (k draws without
/// replacement from the values seen, the new ones marked); that many slots of the sample, chosen uniformly, take that many
/// new values, chosen uniformly (Floyd's algorithm). The result is a uniform k-subset of everything seen, at a cost of O(k)
/// random numbers per batch, and only the values kept are read, never the whole tensor. The draws come from a managed
/// stream seeded by <c>seed</c> and restarted with every trial.</remarks>
[MrfiComponent("UniformSampling", Summary = "Uniform sample without replacement of all values seen (at most max_samples).")]
public sealed class UniformSamplingObserver : IObserver
{
    private readonly double[] _sample;
    private readonly double[] _result;
    private readonly int[] _slots;
    private readonly long[] _picked;
    private readonly HashSet<long> _chosen = [];
    private ManagedRandom _random;
    private int _filled;
    private long _seen;
    private bool _updated;

    /// <summary>Creates the observer.</summary>
    /// <param name="maxSamples">Sample size.</param>
    /// <param name="seed">Seed of the sampling draws (restarted with every trial).</param>
    public UniformSamplingObserver(int maxSamples = 10_000, long seed = 0)
    {
        if (maxSamples < 1) throw new ArgumentOutOfRangeException(nameof(maxSamples), maxSamples, "max_samples must be at least 1");
        MaxSamples = maxSamples;
        Seed = seed;
        _sample = new double[maxSamples];
        _result = new double[maxSamples];
        _slots = new int[maxSamples];
        _picked = new long[maxSamples];
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
        _seen = 0;
        _updated = false;
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        _updated = true;
        long n = value.numel();
        if (n == 0) return;
        int m = NewInSample(n);
        // The slots the new values take: the free ones, then a uniform choice of the occupied ones (partial Fisher–Yates).
        int free = MaxSamples - _filled, replaced = Math.Max(0, m - free);
        for (int i = 0; i < _filled; i++) _slots[i] = i;
        for (int j = 0; j < replaced; j++)
        {
            int r = j + (int)_random.NextBelow((ulong)(_filled - j));
            (_slots[j], _slots[r]) = (_slots[r], _slots[j]);
        }
        for (int i = 0; i < m - replaced; i++) _slots[replaced + i] = _filled + i;
        ChooseNew(m, n);
        Read(value, m);
        _filled = Math.Min(MaxSamples, _filled + m);
        _seen += n;
    }

    /// <summary>How many of the k values of a uniform sample of everything seen so far come from the n new ones: k draws
    /// without replacement from seen + n values, counting the new ones (hypergeometric).</summary>
    private int NewInSample(long n)
    {
        long total = _seen + n;
        if (total <= MaxSamples) return (int)n;
        long fresh = n, old = _seen;
        int m = 0;
        for (int draw = 0; draw < MaxSamples; draw++)
        {
            if (fresh == 0) break;
            if (old == 0) return m + MaxSamples - draw;
            if ((long)_random.NextBelow((ulong)(fresh + old)) < fresh) { m++; fresh--; }
            else old--;
        }
        return m;
    }

    /// <summary>A uniform m-subset of [0, n) into <see cref="_picked"/> (Floyd's algorithm; a bitmap marks the chosen when it is
    /// small).</summary>
    private void ChooseNew(int m, long n)
    {
        if (m == n)
        {
            for (int i = 0; i < m; i++) _picked[i] = i;
            return;
        }
        bool bitmap = n / 64 <= 4L * MaxSamples + 4096;
        ulong[]? bits = bitmap ? ArrayPool<ulong>.Shared.Rent((int)((n + 63) / 64)) : null;
        try
        {
            if (bits is not null) Array.Clear(bits, 0, (int)((n + 63) / 64));
            else _chosen.Clear();
            int k = 0;
            for (long j = n - m; j < n; j++)
            {
                long t = (long)_random.NextBelow((ulong)(j + 1));
                long pick = Taken(t) ? j : t;
                if (bits is not null) bits[pick >> 6] |= 1UL << (int)(pick & 63);
                else _chosen.Add(pick);
                _picked[k++] = pick;
            }

            bool Taken(long t) => bits is not null ? (bits[t >> 6] & (1UL << (int)(t & 63))) != 0 : _chosen.Contains(t);
        }
        finally
        {
            if (bits is not null) ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    private void Read(Tensor value, int m)
    {
        if (m == 0) return;
        if (CpuKernels.TryFloats(value, out var x))
        {
            for (int i = 0; i < m; i++) _sample[_slots[i]] = x[(int)_picked[i]];
            return;
        }
        using var scope = torch.NewDisposeScope();
        var index = CpuKernels.LongTensor(_picked.AsSpan(0, m)).to(value.device);
        var picked = value.reshape(-1).index(index).to(ScalarType.Float64, CPU).contiguous();
        CpuKernels.TryMemory<double>(picked, ScalarType.Float64, out var values);
        for (int i = 0; i < m; i++) _sample[_slots[i]] = values[i];
    }

    /// <inheritdoc />
    /// <remarks>Computed on access from a copy that the next call of <see cref="Result"/> reuses. Before any tensor, one
    /// <c>sample</c> row of NaN without an index (MRFI raises there); an empty sample after empty tensors has no rows.</remarks>
    public IReadOnlyList<ObserverMetric> Result()
    {
        if (!_updated) return [new("sample", double.NaN)];
        Array.Copy(_sample, _result, _filled);
        var result = _result;
        return new MetricList(_filled, i => new("sample", result[i], i));
    }
}
