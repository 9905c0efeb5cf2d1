using Mrfi.Core;
using static TorchSharp.torch;

namespace Mrfi.Scripting;

/// <summary>An observer written in the config: <c>code</c> maps each batch's tensor to a number; the result is the mean over
/// the trial's batches, weighted by their size as every built-in observer's is, reported under <c>metric</c>.</summary>
public sealed class InlineObserver : IObserver
{
    private readonly Func<Tensor, double> _measure;
    private readonly string _metric;
    private readonly SourceLocation _at;
    private readonly List<(double Value, long Count)> _values = [];

    internal InlineObserver(Func<Tensor, double> measure, string metric, SourceLocation at)
    {
        _measure = measure;
        _metric = metric;
        _at = at;
    }

    /// <inheritdoc />
    public void Reset() => _values.Clear();

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        try
        {
            using var watched = SnippetWatchdog.Enter(_at, "observer");
            _values.Add((_measure(value), value.numel()));
        }
        catch (Exception e) when (e is not MrfiException)
        {
            throw SnippetFailure.From(e, _at, "observer");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() =>
        [new(_metric, _values.Count == 0 ? double.NaN : _values.Sum(v => v.Value * v.Count) / _values.Sum(v => (double)v.Count))];
}
