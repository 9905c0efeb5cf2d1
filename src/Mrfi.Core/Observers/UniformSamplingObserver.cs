using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>A uniform random sample without replacement of every value seen (metric <c>sample</c>), for distributions and
/// violin plots. Bottom-k sampling: each value gets a random key and the <c>max_samples</c> smallest keys are kept, so every
/// value seen has the same chance (MRFI's version slices along dim 0 and is biased for multi-dimensional tensors).</summary>
[MrfiComponent("UniformSampling", Summary = "Uniform sample without replacement of all values seen (at most max_samples).")]
public sealed class UniformSamplingObserver : IObserver, IDisposable
{
    private Generator _generator;
    private Tensor _values = torch.empty(0, dtype: ScalarType.Float64);
    private Tensor _keys = torch.empty(0, dtype: ScalarType.Float64);
    private bool _updated;

    /// <summary>Creates the observer.</summary>
    /// <param name="maxSamples">Sample size.</param>
    /// <param name="seed">Seed of the sampling keys (reset with every trial).</param>
    public UniformSamplingObserver(int maxSamples = 10_000, long seed = 0)
    {
        if (maxSamples < 1) throw new ArgumentOutOfRangeException(nameof(maxSamples), maxSamples, "max_samples must be at least 1");
        MaxSamples = maxSamples;
        Seed = seed;
        _generator = new Generator(unchecked((ulong)seed));
    }

    /// <summary>Sample size.</summary>
    public int MaxSamples { get; }

    /// <summary>Seed of the sampling keys.</summary>
    public long Seed { get; }

    /// <inheritdoc />
    public void Reset()
    {
        _generator.Dispose();
        _generator = new Generator(unchecked((ulong)Seed));
        Replace(torch.empty(0, dtype: ScalarType.Float64), torch.empty(0, dtype: ScalarType.Float64));
        _updated = false;
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        _updated = true;
        using var scope = torch.NewDisposeScope();
        var x = value.reshape(-1).to(ScalarType.Float64, CPU);
        var keys = torch.rand(x.numel(), dtype: ScalarType.Float64, generator: _generator);
        var allValues = torch.cat([_values, x]);
        var allKeys = torch.cat([_keys, keys]);
        if (allKeys.numel() > MaxSamples)
        {
            var (kept, order) = allKeys.topk(MaxSamples, largest: false);
            Replace(allValues.index(order).DetachFromDisposeScope(), kept.DetachFromDisposeScope());
        }
        else Replace(allValues.DetachFromDisposeScope(), allKeys.DetachFromDisposeScope());
    }

    /// <inheritdoc />
    /// <remarks>Before any tensor, one <c>sample</c> row of NaN without an index (MRFI raises there); an empty sample after
    /// empty tensors has no rows.</remarks>
    public IReadOnlyList<ObserverMetric> Result() => !_updated ? [new("sample", double.NaN)] :
        [.. _values.data<double>().ToArray().Select((v, i) => new ObserverMetric("sample", v, i))];

    private void Replace(Tensor values, Tensor keys)
    {
        _values.Dispose();
        _keys.Dispose();
        _values = values;
        _keys = keys;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _values.Dispose();
        _keys.Dispose();
        _generator.Dispose();
    }
}
