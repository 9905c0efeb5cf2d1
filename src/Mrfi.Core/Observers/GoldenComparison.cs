using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Base of the observers that compare each faulty batch with its golden batch and average a per-element quantity.</summary>
/// <remarks>By default batches are weighted by their element count, so the result is the mean over every element seen;
/// MRFI averages per-batch means without weights, which differs when the last batch is smaller — <c>mrfi_compat = true</c>
/// reproduces that.</remarks>
public abstract class GoldenComparison : IGoldenAwareObserver, IBorrowsGolden
{
    private readonly List<(double Mean, long Count)> _batches = [];
    private Tensor? _golden;

    /// <summary>Sets the averaging mode.</summary>
    protected GoldenComparison(bool mrfiCompat) => MrfiCompat = mrfiCompat;

    /// <summary>Whether per-batch means are averaged without weights, as MRFI does.</summary>
    public bool MrfiCompat { get; }

    /// <inheritdoc />
    public void Reset()
    {
        _batches.Clear();
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

    void IBorrowsGolden.BorrowGolden(Tensor value)
    {
        _golden?.Dispose();
        _golden = value.alias().DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        var golden = _golden ?? throw new InvalidOperationException(
            $"{GetType().Name} needs a golden run immediately before each faulty run");
        if (!golden.shape.SequenceEqual(value.shape))
            throw new InvalidOperationException(
                $"{GetType().Name}: golden shape [{string.Join(",", golden.shape)}] differs from faulty shape " +
                $"[{string.Join(",", value.shape)}]");
        if (CpuKernels.TryFloats(value, out var f) && CpuKernels.TryFloats(golden, out var g) && Compare(f, g) is double mean)
            _batches.Add((mean, f.Length));
        else
            using (torch.NewDisposeScope()) _batches.Add((Compare(value, golden), value.numel()));
        golden.Dispose();
        _golden = null;
    }

    /// <summary>The mean over the batch's elements of the compared quantity.</summary>
    protected abstract double Compare(Tensor faulty, Tensor golden);

    /// <summary><see cref="Compare(Tensor, Tensor)"/> over float32 memory, or null where the subclass has no such form.</summary>
    private protected virtual double? Compare(ReadOnlySpan<float> faulty, ReadOnlySpan<float> golden) => null;

    /// <inheritdoc />
    public abstract IReadOnlyList<ObserverMetric> Result();

    /// <summary>Mean over batches (weighted by elements unless <see cref="MrfiCompat"/>); NaN when no batch was seen.</summary>
    protected double Mean()
    {
        if (_batches.Count == 0) return double.NaN;
        if (MrfiCompat) return _batches.Average(b => b.Mean);
        return _batches.Sum(b => b.Mean * b.Count) / _batches.Sum(b => (double)b.Count);
    }
}
