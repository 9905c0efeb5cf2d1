using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>On a classifier's output [N, classes]: the share of samples whose set of top-k classes differs from the golden run's
/// (k = 1: the prediction changed).</summary>
[MrfiComponent("TopKChange", Summary = "Share of samples whose top-k classes differ from the golden run (on [N, classes] outputs).")]
public sealed class TopKChangeObserver : IGoldenAwareObserver
{
    private Tensor? _golden;
    private long _changed, _samples;

    /// <summary>Creates the observer.</summary>
    /// <param name="k">Size of the top set compared.</param>
    public TopKChangeObserver(int k = 1)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1");
        K = k;
    }

    /// <summary>Size of the top set.</summary>
    public int K { get; }

    /// <inheritdoc />
    public void Reset()
    {
        _golden?.Dispose();
        _golden = null;
        _changed = _samples = 0;
    }

    /// <inheritdoc />
    public void UpdateGolden(Tensor value)
    {
        _golden?.Dispose();
        _golden = TopSet(value).DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        var golden = _golden ?? throw new InvalidOperationException("TopKChange needs a golden run immediately before each faulty run");
        using (var scope = torch.NewDisposeScope())
        {
            var faulty = TopSet(value);
            _changed += faulty.ne(golden).any(1).sum().item<long>();
            _samples += value.shape[0];
        }
        golden.Dispose();
        _golden = null;
    }

    private Tensor TopSet(Tensor value)
    {
        if (value.dim() != 2)
            throw new InvalidOperationException(
                $"TopKChange needs [N, classes] outputs, not shape [{string.Join(", ", value.shape)}]; observe the model's last layer");
        if (K > value.shape[1]) throw new InvalidOperationException($"TopKChange k = {K} exceeds the {value.shape[1]} classes");
        var (_, indices) = value.topk(K, dim: 1);
        var (sorted, _) = indices.sort(1);
        return sorted;
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() =>
        [new("topk_change", _samples == 0 ? double.NaN : _changed / (double)_samples), new("changed", _changed), new("samples", _samples)];
}
