using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Base of the observers that compare each faulty batch with its golden batch and average a per-batch number.</summary>
/// <remarks>As in MRFI the result averages per-batch values without weighting by batch size.</remarks>
public abstract class GoldenComparison : IGoldenAwareObserver
{
    private readonly List<double> _perBatch = [];
    private Tensor? _golden;

    /// <summary>Number of faulty batches seen since the last reset.</summary>
    protected int Batches => _perBatch.Count;

    /// <summary>Values per batch since the last reset.</summary>
    protected IReadOnlyList<double> PerBatch => _perBatch;

    /// <inheritdoc />
    public void Reset()
    {
        _perBatch.Clear();
        _golden?.Dispose();
        _golden = null;
    }

    /// <inheritdoc />
    public void UpdateGolden(Tensor value)
    {
        _golden?.Dispose();
        // The golden copy must outlive the batch's dispose scope until the faulty run of the same batch.
        _golden = value.detach().clone().DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        var golden = _golden ?? throw new InvalidOperationException($"{GetType().Name} needs a golden run immediately before each faulty run");
        if (!golden.shape.SequenceEqual(value.shape))
            throw new InvalidOperationException($"{GetType().Name}: golden shape [{string.Join(",", golden.shape)}] differs from faulty shape [{string.Join(",", value.shape)}]");
        using (var scope = torch.NewDisposeScope()) _perBatch.Add(Compare(value, golden));
        golden.Dispose();
        _golden = null;
    }

    /// <summary>The per-batch number for a faulty tensor and its golden counterpart.</summary>
    protected abstract double Compare(Tensor faulty, Tensor golden);

    /// <inheritdoc />
    public abstract IReadOnlyList<ObserverMetric> Result();

    /// <summary>Mean of the per-batch values, NaN when no batch was seen.</summary>
    protected double MeanPerBatch() => _perBatch.Count == 0 ? double.NaN : _perBatch.Average();
}
