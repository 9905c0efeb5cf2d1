namespace Mrfi.Core.Observers;

/// <summary>Sums of x and x² per batch in double precision, for exact means and variances over all elements.</summary>
internal sealed class RunningSums
{
    private readonly List<(double Sum, double Squares, long Count)> _batches = [];

    public void Reset() => _batches.Clear();

    public void Add(double sum, double squares, long count)
    {
        if (count > 0) _batches.Add((sum, squares, count));
    }

    private long Count => _batches.Sum(b => b.Count);

    public double Mean() => Count == 0 ? double.NaN : _batches.Sum(b => b.Sum) / Count;

    public double MeanSquare() => Count == 0 ? double.NaN : _batches.Sum(b => b.Squares) / Count;

    public double MeanOfBatchMeans() => _batches.Count == 0 ? double.NaN : _batches.Average(b => b.Sum / b.Count);

    public double MeanOfBatchMeanSquares() => _batches.Count == 0 ? double.NaN : _batches.Average(b => b.Squares / b.Count);
}
